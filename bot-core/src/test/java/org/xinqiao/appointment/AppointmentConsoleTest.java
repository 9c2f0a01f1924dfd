package org.xinqiao.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.xinqiao.testsupport.ConsoleLogins;
import org.xinqiao.testsupport.MovableClock;
import org.xinqiao.testsupport.NoticeTestBeans;
import org.xinqiao.testsupport.RecordingSender;

/** The counselor's console pages: who may see them, and what the buttons do. */
@AppointmentSpringTest
class AppointmentConsoleTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ScheduleImport scheduleImport;
  @Autowired Bookings bookings;
  @Autowired Availability availability;
  @Autowired People people;
  @Autowired MovableClock clock;
  @Autowired RecordingSender sender;

  long counselorId;
  Person parent;
  Appointment booked;

  @BeforeEach
  void oneBookedSession() {
    clock.set(NoticeTestBeans.MONDAY_8AM);
    AppointmentTestSupport.clear(jdbc);
    String name = "吴老师" + UUID.randomUUID().toString().substring(0, 4);
    counselorId = AppointmentTestSupport.counselor(jdbc, name);
    scheduleImport.apply(
        "counselors:\n  - name: %s\n    hours:\n      TUE: [\"09:00-12:00\"]\n".formatted(name));
    parent = people.contact("wechat", "o_" + UUID.randomUUID());
    booked = bookings.book(parent, Kind.PARENT, availability.free(parent.id()).get(0), "想谈孩子的睡眠");
  }

  @Test
  void theCounselorSeesTheWeekWithTheNote() throws Exception {
    String page =
        mvc.perform(
                get("/console/appointments?week="
                        + booked.startsAt().atZone(SchoolTime.ZONE).toLocalDate())
                    .with(as(counselorId, Role.COUNSELOR)))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).contains("09:00-09:45").contains("想谈孩子的睡眠").contains("家长咨询");
  }

  @Test
  void adminsAndTeachersCannotSeeSessions() throws Exception {
    assertThat(status(get("/console/appointments").with(as(Role.ADMIN)))).isEqualTo(403);
    assertThat(status(get("/console/appointments").with(as(Role.TEACHER)))).isEqualTo(403);
    assertThat(status(get("/console/appointments"))).isIn(302, 401);
  }

  @Test
  void cancellingWithAReasonTellsThePerson() throws Exception {
    mvc.perform(
        post("/console/appointments/" + booked.id() + "/cancel")
            .param("reason", "临时外出培训")
            .with(csrf())
            .with(as(counselorId, Role.COUNSELOR)));
    assertThat(status()).isEqualTo("CANCELLED");
    assertThat(sender.to(parent.openid())).anyMatch(t -> t.contains("临时外出培训"));
  }

  @Test
  void anotherCounselorCannotTouchTheSession() throws Exception {
    long other = AppointmentTestSupport.counselor(jdbc, "别的老师" + UUID.randomUUID());
    mvc.perform(
        post("/console/appointments/" + booked.id() + "/attended")
            .with(csrf())
            .with(as(other, Role.COUNSELOR)));
    assertThat(status()).isEqualTo("BOOKED");
  }

  @Test
  void markingAttendedIsRecorded() throws Exception {
    mvc.perform(
        post("/console/appointments/" + booked.id() + "/attended")
            .with(csrf())
            .with(as(counselorId, Role.COUNSELOR)));
    assertThat(status()).isEqualTo("ATTENDED");
  }

  @Test
  void aBadScheduleFileChangesNothingAndSaysWhy() throws Exception {
    String page =
        mvc.perform(
                post("/console/appointments/schedule")
                    .param("text", "counselors:\n  - name: 不存在的老师\n")
                    .with(csrf())
                    .with(as(Role.ADMIN)))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).contains("没有导入任何内容").contains("不存在的老师");
    assertThat(jdbc.sql("select count(*) from appointment_hours").query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void aCounselorCannotRewriteAnotherCounselorsHoursOrTheSchoolCalendar() throws Exception {
    String other = "陈老师" + UUID.randomUUID().toString().substring(0, 4);
    long otherId = AppointmentTestSupport.counselor(jdbc, other);
    scheduleImport.apply(
        "counselors:\n  - name: %s\n    hours:\n      WED: [\"09:00-12:00\"]\n".formatted(other));
    long calendarBefore = count("appointment_calendar");

    String page =
        upload(
            "counselors:\n  - name: %s\n    hours:\n      FRI: [\"14:00-15:00\"]\n"
                .formatted(other),
            as(counselorId, Role.COUNSELOR));
    assertThat(page).contains("没有导入任何内容").contains("只能修改自己的排班");
    assertThat(hoursOf(otherId)).containsExactly(3);

    page =
        upload(
            "terms:\n  - name: 新学期\n    from: 2027-02-15\n    to: 2027-07-01\n",
            as(counselorId, Role.COUNSELOR));
    assertThat(page).contains("没有导入任何内容").contains("学期和假期由管理员导入");
    assertThat(count("appointment_calendar")).isEqualTo(calendarBefore);
  }

  @Test
  void aCounselorChangesTheirOwnHoursAndAnAdminAnyonesHours() throws Exception {
    String me =
        jdbc.sql("select display_name from person where id = ?")
            .param(counselorId)
            .query(String.class)
            .single();
    String page =
        upload(
            "counselors:\n  - name: %s\n    hours:\n      THU: [\"09:00-11:00\"]\n".formatted(me),
            as(counselorId, Role.COUNSELOR));
    assertThat(page).contains("已导入");
    assertThat(hoursOf(counselorId)).containsExactly(4);

    upload(
        "counselors:\n  - name: %s\n    hours:\n      MON: [\"09:00-11:00\"]\n".formatted(me),
        as(Role.ADMIN));
    assertThat(hoursOf(counselorId)).containsExactly(1);
  }

  private String upload(String yaml, RequestPostProcessor who) throws Exception {
    return mvc.perform(
            post("/console/appointments/schedule").param("text", yaml).with(csrf()).with(who))
        .andReturn()
        .getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private List<Integer> hoursOf(long personId) {
    return jdbc.sql("select distinct weekday from appointment_hours where counselor_id = ?")
        .param(personId)
        .query(Integer.class)
        .list();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private String status() {
    return jdbc.sql("select status from appointment where id = ?")
        .param(booked.id())
        .query(String.class)
        .single();
  }

  private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse().getStatus();
  }

  @Test
  void theCalendarOpensOnTheWeekOfTheNextBooking() throws Exception {
    bookings.cancelByCounselor(counselorId, booked.id(), "改期");
    Slot later =
        availability.free(parent.id()).stream()
            .filter(x -> x.start().isAfter(clock.instant().plus(java.time.Duration.ofDays(8))))
            .findFirst()
            .orElseThrow();
    bookings.book(parent, Kind.PARENT, later, "下下周");
    String page =
        mvc.perform(get("/console/appointments").with(as(counselorId, Role.COUNSELOR)))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).contains("下下周");
  }

  @Test
  void aCalendarLinkBeforeTheHoursAreImportedIsAPlainMessageNotAnError() throws Exception {
    long newcomer = AppointmentTestSupport.counselor(jdbc, "新老师");
    var result =
        mvc.perform(
                post("/console/appointments/feed").with(csrf()).with(as(newcomer, Role.COUNSELOR)))
            .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    assertThat(result.getFlashMap().get("error").toString()).contains("还没有导入你的排班");
  }

  static RequestPostProcessor as(long personId, Role role) {
    return authentication(ConsoleLogins.as(personId, role));
  }

  RequestPostProcessor as(Role role) {
    return authentication(ConsoleLogins.as(jdbc, role));
  }
}
