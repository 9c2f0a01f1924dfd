package org.xinqiao.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.xinqiao.testsupport.NoticeTestBeans;

/**
 * The shared notice doubles ({@link NoticeTestBeans}: recording sender, quiet safety screen, a
 * clock at a Monday 08:00 at least a week ahead) and helpers for event tests.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(NoticeTestBeans.class)
class EventTestSupport {

  /** A draft starting {@code daysAhead} days after the test's Monday at 15:00, for 90 minutes. */
  static EventDraft draft(
      String title, EventKind kind, EventAudience audience, int daysAhead, int capacity) {
    Instant start =
        NoticeTestBeans.MONDAY.plusDays(daysAhead).atTime(15, 0).atZone(EventTime.ZONE).toInstant();
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
