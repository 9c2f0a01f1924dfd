package org.xinqiao.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.xinqiao.people.Role;

/**
 * Announcement cards share the weekly push's mass sends and its monthly limit, and the weekly
 * article carries the coming events of its audience (appended by the events feature).
 */
class AnnouncementsTest extends PushSpringTest {

  @Autowired Announcements announcements;
  @Autowired WeeklyPush push;
  @Autowired MockMvc mvc;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @BeforeEach
  void noEvents() {
    jdbc.sql("delete from event_signup").update();
    jdbc.sql("delete from event").update();
  }

  @Test
  void anAnnouncementCardIsMassSentAndCountsTowardsTheMonthlyLimit() throws Exception {
    at(1, 2, 10, 0);
    Announcements.Card card =
        new Announcements.Card(
            "event-7", "活动报名：亲子工作坊", "9月5日 周五 19:00-20:30，报告厅", "<p>回复“报名7”</p>");

    assertThat(announcements.announce(Audience.PARENT, card, 1L))
        .isEqualTo(Announcements.Outcome.SENT);
    assertThat(wechat.drafts)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.title()).isEqualTo("活动报名：亲子工作坊");
              assertThat(d.html()).contains("报名7");
            });
    for (int i = 0; i < 3; i++) {
      assertThat(push.sendNow("p10-praise", 1L)).isEqualTo(WeeklyPush.ManualOutcome.SENT);
    }
    assertThat(announcements.announce(Audience.PARENT, card, 1L))
        .isEqualTo(Announcements.Outcome.CAPPED);
    assertThat(push.monthlyCapReached(Audience.PARENT, clock.instant())).isTrue();
    assertThat(announcements.announce(Audience.TEACHER, card, 1L))
        .isEqualTo(Announcements.Outcome.SENT);
    assertThat(wechat.delivered).hasSize(5);
    String history =
        mvc.perform(get("/console/push").with(authentication(admin())))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(history).contains("活动公告 event-7").doesNotContain("/articles/event-7");
  }

  @Test
  void theWeeklyArticleCarriesTheComingEventsOfItsAudience() {
    event("亲子沟通工作坊", "PARENTS", LocalDateTime.of(2025, 9, 18, 19, 0));
    event("危机识别全员培训", "TEACHERS", LocalDateTime.of(2025, 9, 19, 15, 0));
    event("两个月后的讲座", "PARENTS", LocalDateTime.of(2025, 11, 20, 19, 0));
    at(3, 0, 19, 1);
    push.check();

    MassSender.Draft parents =
        wechat.drafts.stream()
            .filter(d -> d.sourceUrl().contains("/articles/p"))
            .findFirst()
            .orElseThrow();
    MassSender.Draft teachers =
        wechat.drafts.stream()
            .filter(d -> d.sourceUrl().contains("/articles/t"))
            .findFirst()
            .orElseThrow();
    assertThat(parents.html())
        .contains("近期活动")
        .contains("《亲子沟通工作坊》")
        .contains("回复“报名”加编号")
        .doesNotContain("危机识别全员培训")
        .doesNotContain("两个月后的讲座");
    assertThat(teachers.html()).contains("《危机识别全员培训》").doesNotContain("亲子沟通工作坊");
  }

  private void event(String title, String audience, LocalDateTime start) {
    Timestamp s = Timestamp.from(start.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    Timestamp e = Timestamp.from(start.plusHours(1).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    jdbc.sql(
            "insert into event (title, kind, audience, starts_at, ends_at, place, capacity,"
                + " signup_deadline, counts_as_training, whole_staff, status, checkin_code,"
                + " created_at) values (?, 'LECTURE', ?, ?, ?, '报告厅', 30, ?, false, false,"
                + " 'OPEN', ?, ?)")
        .params(title, audience, s, e, s, "C" + Math.abs(title.hashCode() % 100000), s)
        .update();
  }

  /** A real admin: the console checks the current role on every request. */
  private UsernamePasswordAuthenticationToken admin() {
    return org.xinqiao.testsupport.ConsoleLogins.as(jdbc, Role.ADMIN);
  }
}
