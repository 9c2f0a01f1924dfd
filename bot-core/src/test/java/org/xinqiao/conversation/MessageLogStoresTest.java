package org.xinqiao.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.xinqiao.testsupport.TestDatabase;

/** The message log on H2 and on PostgreSQL: dedupe, transcripts, retention, deletion races. */
@ParameterizedClass
@MethodSource("org.xinqiao.testsupport.TestDatabase#both")
class MessageLogStoresTest {

  @Parameter TestDatabase db;

  private static final Instant NOW = Instant.parse("2026-11-30T07:00:00Z");

  @Test
  void aRetriedDeliveryIsRecordedOnce() {
    MessageLog log = new MessageLog(db.jdbc(), Clock.fixed(NOW, ZoneOffset.UTC));
    Person p = person();
    InboundMessage m =
        InboundMessage.text("wechat", "app", p.openid(), "你好", "k-" + UUID.randomUUID(), NOW);
    assertThat(log.recordInbound(p, m)).isPresent();
    assertThat(log.recordInbound(p, m)).isEmpty();
  }

  @Test
  void recentLinesComeOldestFirstAndOnlyTheLastN() {
    Person p = person();
    for (int i = 0; i < 5; i++) {
      new MessageLog(db.jdbc(), Clock.fixed(NOW.plusSeconds(i), ZoneOffset.UTC))
          .recordOutbound(p, "line " + i);
    }
    MessageLog log = new MessageLog(db.jdbc(), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(log.recent(p.id(), 3))
        .extracting(MessageLog.Line::body)
        .containsExactly("line 2", "line 3", "line 4");
  }

  @Test
  void purgeDeletesOnlyMessagesOlderThanTheCutoff() {
    Person p = person();
    new MessageLog(db.jdbc(), Clock.fixed(NOW.minus(Duration.ofDays(200)), ZoneOffset.UTC))
        .recordOutbound(p, "old");
    MessageLog log = new MessageLog(db.jdbc(), Clock.fixed(NOW, ZoneOffset.UTC));
    log.recordOutbound(p, "new");
    ConversationProperties keep180 = new ConversationProperties(Duration.ofDays(180));
    assertThat(RetentionPurge.purge(log, keep180, Clock.fixed(NOW, ZoneOffset.UTC)))
        .isGreaterThanOrEqualTo(1);
    assertThat(log.recent(p.id(), 10)).extracting(MessageLog.Line::body).containsExactly("new");
  }

  @Test
  void aReplyToSomeoneWhoJustDeletedTheirDataIsNotRecorded() {
    Person p = person();
    db.jdbc().sql("delete from person where id = ?").param(p.id()).update();
    new MessageLog(db.jdbc(), Clock.fixed(NOW, ZoneOffset.UTC)).recordOutbound(p, "bye");
    assertThat(
            db.jdbc()
                .sql("select count(*) from message where person_id = ?")
                .param(p.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void longBodiesAreBounded() {
    Person p = person();
    MessageLog log = new MessageLog(db.jdbc(), Clock.fixed(NOW, ZoneOffset.UTC));
    log.recordOutbound(p, "字".repeat(5000));
    assertThat(log.recent(p.id(), 1).get(0).body()).hasSize(MessageLog.MAX_BODY);
  }

  private Person person() {
    String openid = "o_" + UUID.randomUUID();
    db.jdbc()
        .sql(
            "insert into person (channel, openid, role, following, created_at)"
                + " values ('wechat', ?, 'PARENT', true, ?)")
        .params(openid, Timestamp.from(NOW))
        .update();
    long id =
        db.jdbc()
            .sql("select id from person where openid = ?")
            .param(openid)
            .query(Long.class)
            .single();
    return new Person(id, "wechat", openid, Role.PARENT, null, true, null, NOW);
  }
}
