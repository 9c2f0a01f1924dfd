package org.xinqiao.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinqiao.conversation.ConversationProperties;
import org.xinqiao.kb.Hit;
import org.xinqiao.store.RetentionProperties;
import org.xinqiao.store.RetentionPurges;
import org.xinqiao.testsupport.TestDatabase;

/** Unanswered questions on H2 and on PostgreSQL: masked when stored, decided, purged. */
@ParameterizedClass
@MethodSource("org.xinqiao.testsupport.TestDatabase#both")
class KnowledgeGapsStoresTest {

  @Parameter TestDatabase db;

  private static final Instant NOW = Instant.parse("2026-12-01T07:00:00Z");

  @BeforeEach
  void empty() {
    db.jdbc().sql("delete from kb_gap").update();
  }

  @Test
  void numbersAndNamesAreMaskedBeforeTheQuestionIsWritten() {
    gapsAt(NOW).record("王老师说孩子只考了60分", "NONE", List.of());
    assertThat(db.jdbc().sql("select question from kb_gap").query(String.class).list())
        .containsExactly("＊老师说孩子只考了＊分");
  }

  @Test
  void questionsStoredBeforeTheMaskingAreMaskedAtStartUp() {
    db.jdbc()
        .sql("insert into kb_gap (question, verdict, created_at) values (?, 'NONE', ?)")
        .params("只考了60分", java.sql.Timestamp.from(NOW))
        .update();
    assertThat(gapsAt(NOW).remaskStored()).isEqualTo(1);
    assertThat(gapsAt(NOW).recent(5)).extracting(KnowledgeGaps.Gap::question).contains("只考了＊分");
  }

  @Test
  void gapsOlderThanTheShorterRetentionSettingArePurgedAndTheCountIsLogged() {
    gapsAt(NOW.minus(Duration.ofDays(200))).record("很久以前的问题", "NONE", List.of());
    KnowledgeGaps gaps = gapsAt(NOW);
    gaps.record("昨天的问题", "CHOOSE", List.of(new Hit("sleep-problems", "睡眠问题", 0.4)));
    // messages kept 180 days, unanswered questions 365: the 200-day-old question goes
    GapRetention rule =
        new GapRetention(
            gaps,
            new ConversationProperties(Duration.ofDays(180)),
            new RetentionProperties(
                Duration.ofDays(365), Duration.ofDays(1095), Duration.ofDays(1095)));
    assertThat(rule.period()).isEqualTo(Duration.ofDays(180));
    assertThat(RetentionPurges.run(List.of(rule), db.jdbc(), NOW)).isEqualTo(1);
    assertThat(gaps.recent(10)).extracting(KnowledgeGaps.Gap::question).containsExactly("昨天的问题");
    assertThat(
            db.jdbc()
                .sql(
                    "select row_count from purge_log where table_name = 'kb_gap'"
                        + " order by id desc limit 1")
                .query(Long.class)
                .list())
        .containsExactly(1L);
  }

  @Test
  void aShorterUnansweredQuestionSettingWinsOverTheMessageRetention() {
    GapRetention rule =
        new GapRetention(
            gapsAt(NOW),
            new ConversationProperties(Duration.ofDays(180)),
            new RetentionProperties(
                Duration.ofDays(90), Duration.ofDays(1095), Duration.ofDays(1095)));
    assertThat(rule.period()).isEqualTo(Duration.ofDays(90));
  }

  @Test
  void aDecisionMovesGapsOutOfTheOpenList() {
    KnowledgeGaps gaps = gapsAt(NOW);
    gaps.record("食堂吃什么", "NONE", List.of());
    gaps.record("孩子怕黑", "NONE", List.of());
    List<KnowledgeGaps.Gap> open = gaps.withStatus(KnowledgeGaps.Status.OPEN, 10);
    long canteen = open.stream().filter(g -> g.question().equals("食堂吃什么")).findFirst().get().id();
    assertThat(gaps.decide(List.of(canteen), KnowledgeGaps.Status.NEEDS_ENTRY, null)).isEqualTo(1);
    assertThat(gaps.withStatus(KnowledgeGaps.Status.OPEN, 10))
        .extracting(KnowledgeGaps.Gap::question)
        .containsExactly("孩子怕黑");
    assertThat(gaps.withStatus(KnowledgeGaps.Status.NEEDS_ENTRY, 10)).hasSize(1);
    assertThat(gaps.decide(List.of(canteen), KnowledgeGaps.Status.OUT_OF_SCOPE, null)).isEqualTo(1);
    assertThat(gaps.decide(List.of(canteen), KnowledgeGaps.Status.PHRASING, "x")).isZero();
  }

  private KnowledgeGaps gapsAt(Instant at) {
    return new KnowledgeGaps(db.jdbc(), Clock.fixed(at, ZoneOffset.UTC));
  }
}
