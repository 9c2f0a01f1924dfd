package org.xinqiao.push;

import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.testsupport.MovableClock;

/** One shared context for the push tests: H2 in memory, a movable clock, fake WeChat. */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:push;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
      "xinqiao.db.url=jdbc:h2:mem:push;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
      "xinqiao.scheduler.enabled=false",
      "xinqiao.simulator.enabled=false",
      "xinqiao.people.admin-openids=o_push_admin",
      "xinqiao.push.term-start=2025-09-01",
      "xinqiao.push.preview-openids=o_preview",
      "xinqiao.push.public-base-url=https://xq.example.edu.cn/"
    })
@Import(PushTestConfiguration.class)
@AutoConfigureMockMvc
abstract class PushSpringTest {

  @Autowired FakeMassSender wechat;
  @Autowired PushTestConfiguration.RecordingSender adminMessages;
  @Autowired MovableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired People people;

  @BeforeEach
  void freshState() {
    for (String table :
        new String[] {"push_run", "push_member", "push_tag", "push_media", "push_preference"}) {
      jdbc.sql("delete from " + table).update();
    }
    wechat.reset();
    adminMessages.sent.clear();
    clock.set(LocalDateTime.of(2025, 9, 1, 0, 0));
  }

  /** Term week {@code week}'s Monday at the given time. */
  void at(int week, int dayOffset, int hour, int minute) {
    clock.set(LocalDateTime.of(2025, 9, 1, hour, minute).plusWeeks(week - 1L).plusDays(dayOffset));
  }

  /** A parent who followed and consented. */
  Person consentedParent() {
    Person p = people.contact("wechat", "o_" + UUID.randomUUID());
    people.consent(p);
    return people.find(p.id()).orElseThrow();
  }
}
