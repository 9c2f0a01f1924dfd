package org.xinqiao.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.xinqiao.testsupport.MovableClock;
import org.xinqiao.testsupport.NoticeTestBeans;

/** The console's event pages: who may do what, form errors, the QR image, the training ledger. */
@EventSpringTest
class EventConsoleTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Events events;
  @Autowired Signups signups;
  @Autowired CheckIns checkIns;
  @Autowired People people;
  @Autowired MovableClock clock;

  @BeforeEach
  void emptyProgramme() {
    clock.set(NoticeTestBeans.MONDAY_8AM);
    EventTestSupport.clear(jdbc);
  }

  @Test
  void anAdminCreatesAnEventAndItsPageShowsTheCheckInCodeAndQrImage() throws Exception {
    mvc.perform(
            post("/console/events")
                .with(csrf())
                .with(authentication(as(Role.ADMIN)))
                .param("title", "家长讲座：睡眠与情绪")
                .param("kind", "LECTURE")
                .param("audience", "PARENTS")
                .param("startsAt", input(3, 19))
                .param("endsAt", input(3, 20))
                .param("place", "学校报告厅")
                .param("capacity", "60"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/console/events/*"));
    Event e = only();
    assertThat(e.signupDeadline()).isEqualTo(e.startsAt());
    assertThat(e.checkinCode()).matches("[A-Z2-9]{6}");
    mvc.perform(get("/console/events/" + e.id()).with(authentication(as(Role.ADMIN))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(e.checkinCode())))
        .andExpect(content().string(containsString("/console/events/" + e.id() + "/qr.png")));
    byte[] png =
        mvc.perform(
                get("/console/events/" + e.id() + "/qr.png").with(authentication(as(Role.ADMIN))))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "image/png"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth()).isGreaterThan(200);
  }

  @Test
  void aBadFormIsShownAgainWithAClearMessagePerField() throws Exception {
    mvc.perform(
            post("/console/events")
                .with(csrf())
                .with(authentication(as(Role.ADMIN)))
                .param("title", "")
                .param("kind", "LECTURE")
                .param("audience", "PARENTS")
                .param("startsAt", "明天下午")
                .param("endsAt", input(3, 19))
                .param("place", "报告厅")
                .param("capacity", "0")
                .param("wholeStaff", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请填写标题")))
        .andExpect(content().string(containsString("开始时间的格式不对")))
        .andExpect(content().string(containsString("名额请填 1 到 5000")))
        .andExpect(content().string(containsString("全员培训必须")))
        .andExpect(content().string(containsString("value=\"报告厅\"")))
        .andExpect(content().string(not(containsString("Whitelabel"))));
    mvc.perform(
            post("/console/events")
                .with(csrf())
                .with(authentication(as(Role.ADMIN)))
                .param("title", "讲座")
                .param("kind", "LECTURE")
                .param("audience", "PARENTS")
                .param("startsAt", input(3, 19))
                .param("endsAt", input(3, 18))
                .param("place", "报告厅")
                .param("capacity", "10"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("结束时间要晚于开始时间")));
    assertThat(jdbc.sql("select count(*) from event").query(Long.class).single()).isZero();
  }

  @Test
  void counselorsManageGroupCounselingOnlyAndTeachersNothing() throws Exception {
    mvc.perform(
            post("/console/events")
                .with(csrf())
                .with(authentication(as(Role.COUNSELOR)))
                .param("title", "教师培训")
                .param("kind", "TRAINING")
                .param("audience", "TEACHERS")
                .param("startsAt", input(3, 15))
                .param("endsAt", input(3, 16))
                .param("place", "会议室")
                .param("capacity", "10"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("心理老师只能发布团体辅导")));
    Event training =
        events.create(
            EventTestSupport.draft("教师培训", EventKind.TRAINING, EventAudience.TEACHERS, 3, 10), 1L);
    mvc.perform(get("/console/events/" + training.id()).with(authentication(as(Role.COUNSELOR))))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/console/events/" + training.id() + "/cancel")
                .with(csrf())
                .with(authentication(as(Role.COUNSELOR))))
        .andExpect(status().isForbidden());
    Event group =
        events.create(
            EventTestSupport.draft(
                "考前减压团体辅导", EventKind.GROUP_COUNSELING, EventAudience.PARENTS, 3, 8),
            2L);
    mvc.perform(get("/console/events/" + group.id()).with(authentication(as(Role.COUNSELOR))))
        .andExpect(status().isOk());
    mvc.perform(get("/console/events").with(authentication(as(Role.TEACHER))))
        .andExpect(status().isForbidden());
    mvc.perform(get("/console/events/training").with(authentication(as(Role.COUNSELOR))))
        .andExpect(status().isForbidden());
    assertThat(events.find(training.id()).orElseThrow().cancelled()).isFalse();
  }

  @Test
  void capacityCannotDropBelowTheSeatsTakenAndMoreSeatsGoToTheWaitlist() throws Exception {
    Event e =
        events.create(
            EventTestSupport.draft("工作坊", EventKind.WORKSHOP, EventAudience.PARENTS, 3, 1), 1L);
    Person seated = EventTestSupport.person(people, jdbc, Role.PARENT, null);
    Person waiting = EventTestSupport.person(people, jdbc, Role.PARENT, null);
    signups.signUp(seated, e.id());
    signups.signUp(waiting, e.id());
    EventForm form = EventForm.of(e);
    mvc.perform(edit(e, form, "0")).andExpect(content().string(containsString("名额请填")));
    mvc.perform(edit(e, form, "2")).andExpect(status().is3xxRedirection());
    assertThat(new SignupRepository(jdbc).find(e.id(), waiting.id()).orElseThrow().status())
        .isEqualTo(Signup.Status.OFFERED);
  }

  @Test
  void theLedgerListsTeachersBelowTargetAndExportsThemAsCsv() throws Exception {
    Person keen = EventTestSupport.person(people, jdbc, Role.TEACHER, "勤老师");
    Person missing = EventTestSupport.person(people, jdbc, Role.TEACHER, "=缺老师");
    for (int i = 1; i <= 4; i++) {
      Event t =
          events.create(
              new EventDraft(
                  "培训" + i,
                  EventKind.TRAINING,
                  EventAudience.TEACHERS,
                  EventTestSupport.draft("x", EventKind.TRAINING, EventAudience.TEACHERS, i, 1)
                      .startsAt(),
                  EventTestSupport.draft("x", EventKind.TRAINING, EventAudience.TEACHERS, i, 1)
                      .endsAt(),
                  "会议室",
                  100,
                  EventTestSupport.draft("x", EventKind.TRAINING, EventAudience.TEACHERS, i, 1)
                      .startsAt(),
                  true,
                  true),
              1L);
      signups.signUp(keen, t.id());
      clock.set(t.startsAt());
      assertThat(checkIns.checkIn(keen, t.checkinCode()).outcome())
          .isEqualTo(CheckIns.Outcome.CHECKED_IN);
    }
    mvc.perform(get("/console/events/training").with(authentication(as(Role.ADMIN))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("=缺老师")))
        .andExpect(content().string(not(containsString("勤老师"))));
    String csv =
        new String(
            mvc.perform(get("/console/events/training.csv").with(authentication(as(Role.ADMIN))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray(),
            StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF姓名,").contains("\"'=缺老师\",老师,").doesNotContain("勤老师");
    assertThat(csv.lines().filter(l -> l.contains("'=缺老师")).findFirst().orElseThrow())
        .contains(",0,4,0,2,");
    mvc.perform(get("/console/events/training.csv").with(authentication(as(Role.COUNSELOR))))
        .andExpect(status().isForbidden());
    assertThat(missing.id()).isNotEqualTo(keen.id());
  }

  private org.springframework.test.web.servlet.RequestBuilder edit(
      Event e, EventForm form, String capacity) {
    return post("/console/events/" + e.id())
        .with(csrf())
        .with(authentication(as(Role.ADMIN)))
        .param("title", form.getTitle())
        .param("kind", form.getKind())
        .param("audience", form.getAudience())
        .param("startsAt", form.getStartsAt())
        .param("endsAt", form.getEndsAt())
        .param("place", form.getPlace())
        .param("capacity", capacity)
        .param("signupDeadline", form.getSignupDeadline());
  }

  private Event only() {
    return jdbc.sql("select * from event").query(EventRepository::map).single();
  }

  private static String input(int days, int hour) {
    return EventForm.input(
        NoticeTestBeans.MONDAY.plusDays(days).atTime(hour, 0).atZone(EventTime.ZONE).toInstant());
  }

  /** A real member of staff: the console checks the current role on every request. */
  private Authentication as(Role role) {
    return org.xinqiao.testsupport.ConsoleLogins.as(jdbc, role);
  }
}
