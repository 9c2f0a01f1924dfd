package org.xinqiao.appointment;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.channels.MessageSender;
import org.xinqiao.conversation.SafetyScreen;

/**
 * Doubles for the ports around appointments, and a clock set to a Monday 08:00 a week or more
 * ahead, so lists are deterministic and no reminder the tests schedule comes due by itself.
 */
@TestConfiguration(proxyBeanMethods = false)
class AppointmentTestSupport {

  /** Monday 08:00 school time, at least a week after the real now. */
  static final Instant MONDAY_8AM =
      LocalDate.now(SchoolTime.ZONE)
          .plusWeeks(1)
          .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
          .atTime(8, 0)
          .atZone(SchoolTime.ZONE)
          .toInstant();

  @Bean
  @Primary
  MovableClock testClock() {
    return new MovableClock(MONDAY_8AM);
  }

  @Bean
  @Primary
  SafetyScreen quietSafetyScreen() {
    return turn -> SafetyScreen.SafetyOutcome.clear();
  }

  @Bean
  @Primary
  RecordingSender recordingSender(JdbcClient jdbc) {
    return new RecordingSender(
        () ->
            jdbc.sql("select count(*) from appointment_notice where sent_at is null")
                .query(Long.class)
                .single());
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant at) {
      now = at;
    }

    @Override
    public ZoneId getZone() {
      return SchoolTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Records customer-service messages; can refuse like WeChat outside the 48 h window. */
  static final class RecordingSender implements MessageSender {
    record Sent(String userId, String text) {}

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    volatile boolean outsideWindow;
    private final java.util.function.LongSupplier pending;

    RecordingSender(java.util.function.LongSupplier pending) {
      this.pending = pending;
    }

    @Override
    public void sendText(String userId, String text) throws ChannelException {
      if (outsideWindow) {
        throw new ChannelException(45015, "out of window");
      }
      sent.add(new Sent(userId, text));
    }

    /** What reached the person once the outbox is empty (delivery runs on the scheduler). */
    List<String> to(String userId) {
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .pollInterval(java.time.Duration.ofMillis(100))
          .until(() -> pending.getAsLong() == 0);
      return sent.stream().filter(s -> s.userId().equals(userId)).map(Sent::text).toList();
    }
  }

  /** A COUNSELOR person, inserted directly (enrolment is the people feature's business). */
  static long counselor(JdbcClient jdbc, String name) {
    String openid = "o_counselor_" + UUID.randomUUID();
    jdbc.sql(
            "insert into person (channel, openid, role, display_name, following, consented_at,"
                + " created_at) values ('wechat', ?, 'COUNSELOR', ?, true, ?, ?)")
        .params(
            openid, name, java.sql.Timestamp.from(MONDAY_8AM), java.sql.Timestamp.from(MONDAY_8AM))
        .update();
    return jdbc.sql("select id from person where openid = ?")
        .param(openid)
        .query(Long.class)
        .single();
  }

  static String openid(JdbcClient jdbc, long personId) {
    return jdbc.sql("select openid from person where id = ?")
        .param(personId)
        .query(String.class)
        .single();
  }

  /** Removes every appointment row so each test starts from an empty calendar. */
  static void clear(JdbcClient jdbc) {
    for (String table :
        List.of(
            "appointment_notice",
            "appointment_waitlist",
            "appointment_feed",
            "appointment_seat",
            "appointment_block",
            "appointment",
            "appointment_override",
            "appointment_hours",
            "appointment_calendar",
            "appointment_counselor")) {
      jdbc.sql("delete from " + table).update();
    }
  }
}
