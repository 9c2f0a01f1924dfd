package org.xinqiao.event;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.channels.MessageSender;
import org.xinqiao.conversation.SafetyScreen;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/**
 * Doubles for the ports around events (WeChat's customer-service API, a quiet safety screen) and a
 * clock set to a Monday 08:00 at least a week ahead, so no reminder the tests schedule comes due by
 * itself on the real scheduler.
 */
@TestConfiguration(proxyBeanMethods = false)
class EventTestSupport {

  static final Instant MONDAY_8AM =
      LocalDate.now(EventTime.ZONE)
          .plusWeeks(1)
          .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
          .atTime(8, 0)
          .atZone(EventTime.ZONE)
          .toInstant();

  static final LocalDate MONDAY = EventTime.day(MONDAY_8AM);

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
    return new RecordingSender(jdbc);
  }

  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant at) {
      now = at;
    }

    void set(LocalDateTime at) {
      now = at.atZone(EventTime.ZONE).toInstant();
    }

    @Override
    public ZoneId getZone() {
      return EventTime.ZONE;
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

  /** Records customer-service messages as WeChat's API would receive them. */
  static final class RecordingSender implements MessageSender {
    record Sent(String userId, String text) {}

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final JdbcClient jdbc;

    RecordingSender(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    @Override
    public void sendText(String userId, String text) throws ChannelException {
      sent.add(new Sent(userId, text));
    }

    /** What reached the person once the outbox is empty (delivery runs on the scheduler). */
    List<String> to(String userId) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  jdbc.sql("select count(*) from appointment_notice where sent_at is null")
                          .query(Long.class)
                          .single()
                      == 0);
      return sent.stream().filter(s -> s.userId().equals(userId)).map(Sent::text).toList();
    }
  }

  /** A draft starting {@code daysAhead} days after the test's Monday at 15:00, for 90 minutes. */
  static EventDraft draft(
      String title, EventKind kind, EventAudience audience, int daysAhead, int capacity) {
    Instant start = MONDAY.plusDays(daysAhead).atTime(15, 0).atZone(EventTime.ZONE).toInstant();
    return new EventDraft(
        title,
        kind,
        audience,
        start,
        start.plus(Duration.ofMinutes(90)),
        "学校报告厅",
        capacity,
        start,
        kind == EventKind.TRAINING,
        false);
  }

  /** A consented person of the given role. */
  static Person person(People people, JdbcClient jdbc, Role role, String name) {
    Person p = people.contact("wechat", "o_ev_" + UUID.randomUUID());
    people.consent(p);
    if (role != Role.PARENT) {
      jdbc.sql("update person set role = ?, display_name = ? where id = ?")
          .params(role.name(), name, p.id())
          .update();
    }
    return people.find(p.id()).orElseThrow();
  }

  static void clear(JdbcClient jdbc) {
    for (String table : List.of("appointment_notice", "event_signup", "event")) {
      jdbc.sql("delete from " + table).update();
    }
  }
}
