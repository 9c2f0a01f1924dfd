package org.xinqiao.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinqiao.conversation.MessageLog;
import org.xinqiao.testsupport.TestDatabase;

/** The escalation tables' SQL on H2 and on PostgreSQL. */
@ParameterizedClass
@MethodSource("org.xinqiao.testsupport.TestDatabase#both")
class EscalationStoresTest {

  @Parameter TestDatabase db;

  private static final Instant T0 = Instant.parse("2026-05-01T13:00:00Z");

  @Test
  void storesAnEscalationWithItsTranscriptAndListsTheMostUrgentFirst() {
    EscalationRepository repo = new EscalationRepository(db.jdbc());
    long high = repo.insert(1, "PARENT", 10, Urgency.HIGH, Set.of("suicide"), T0.plusSeconds(60));
    long imminent = repo.insert(2, "TEACHER", 11, Urgency.IMMINENT, Set.of("self_harm"), T0);
    long abuse =
        repo.insert(3, "PARENT", 12, Urgency.HIGH, Set.of("sexual_abuse"), T0.plusSeconds(120));
    repo.copyTranscript(
        high,
        List.of(
            new MessageLog.Line(9, "IN", "第一句", T0),
            new MessageLog.Line(10, "IN", "第二句", T0.plusSeconds(1))));
    repo.copyTranscript(
        high,
        List.of(
            new MessageLog.Line(10, "IN", "第二句", T0.plusSeconds(1)),
            new MessageLog.Line(12, "OUT", "回复", T0.plusSeconds(2))));

    assertThat(repo.transcript(high))
        .extracting(MessageLog.Line::body)
        .containsExactly("第一句", "第二句", "回复");
    assertThat(repo.find(abuse).orElseThrow().mandatoryReport()).isTrue();
    assertThat(repo.find(high).orElseThrow().mandatoryReport()).isFalse();
    assertThat(repo.unclosed())
        .extracting(Escalation::id)
        .containsSubsequence(imminent, abuse, high);
  }

  @Test
  void acknowledgesOnceAndClosesOnce() {
    EscalationRepository repo = new EscalationRepository(db.jdbc());
    long id = repo.insert(1, "PARENT", 10, Urgency.HIGH, Set.of("suicide"), T0);
    assertThat(repo.acknowledge(id, 7, "张老师", T0.plusSeconds(30))).isTrue();
    assertThat(repo.acknowledge(id, 8, "李老师", T0.plusSeconds(40))).isFalse();
    assertThat(repo.close(id, 7, "张老师", Outcome.FALSE_ALARM, "说明", T0.plusSeconds(90))).isTrue();
    assertThat(repo.close(id, 7, "张老师", Outcome.OTHER, null, T0.plusSeconds(99))).isFalse();
    Escalation e = repo.find(id).orElseThrow();
    assertThat(e.acknowledgedByName()).isEqualTo("张老师");
    assertThat(e.acknowledgedAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(e.outcome()).isEqualTo(Outcome.FALSE_ALARM);
    assertThat(repo.active(1)).isEmpty();
  }

  @Test
  void recordsPagesOnceAndTheirFinalStateAfterARetry() {
    EscalationRepository repo = new EscalationRepository(db.jdbc());
    PageRepository pages = new PageRepository(db.jdbc());
    // a person of its own: the class's tests share one database
    long id = repo.insert(41, "PARENT", 10, Urgency.HIGH, Set.of(), T0);
    PageOrder order = new PageOrder(id, 0, "email", "张老师");
    assertThat(pages.insertIfAbsent(order, T0)).isTrue();
    assertThat(pages.insertIfAbsent(order, T0)).isFalse();
    pages.fail(order, "SMTP down", T0.plusSeconds(1));
    pages.finish(order, "SENT", T0.plusSeconds(20));
    assertThat(pages.of(id))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.status()).isEqualTo("SENT");
              assertThat(p.attempts()).isEqualTo(2);
              assertThat(p.lastError()).as("the final state, not the old error").isNull();
            });
  }

  @Test
  void keepsHandoffStateAndQueuedReplies() {
    HandoffRepository handoffs = new HandoffRepository(db.jdbc());
    assertThat(handoffs.state(5)).isEqualTo(HandoffRepository.State.BOT);
    handoffs.set(5, HandoffRepository.State.COUNSELOR, 7L, "张老师", 1L, T0);
    long reply = handoffs.addReply(5, 7, "你好", T0);
    handoffs.addReply(5, 7, "在吗", T0);
    handoffs.markSent(reply, T0);
    assertThat(handoffs.find(5).orElseThrow().counselorName()).isEqualTo("张老师");
    assertThat(handoffs.queued(5)).extracting(HandoffRepository.Reply::body).containsExactly("在吗");
    handoffs.forget(5);
    assertThat(handoffs.replies(5)).isEmpty();
    assertThat(handoffs.state(5)).isEqualTo(HandoffRepository.State.BOT);
  }
}
