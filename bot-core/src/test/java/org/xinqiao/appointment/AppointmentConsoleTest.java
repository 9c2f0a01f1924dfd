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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/** The counselor's console pages: who may see them, and what the buttons do. */
@AppointmentSpringTest
class AppointmentConsoleTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ScheduleImport scheduleImport;
  @Autowired Bookings bookings;
  @Autowired Availability availability;
  @Autowired People people;
  @Autowired AppointmentTestSupport.MovableClock clock;
  @Autowired AppointmentTestSupport.RecordingSender sender;

  long counselorId;
  Person parent;
  Appointment booked;

  @BeforeEach
  void oneBookedSession() {
    clock.set(AppointmentTestSupport.MONDAY_8AM);
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
    assertThat(status(get("/console/appointments").with(as(1, Role.ADMIN)))).isEqualTo(403);
    assertThat(status(get("/console/appointments").with(as(1, Role.TEACHER)))).isEqualTo(403);
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
                    .with(as(1, Role.ADMIN)))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).contains("没有导入任何内容").contains("不存在的老师");
    assertThat(jdbc.sql("select count(*) from appointment_hours").query(Long.class).single())
        .isEqualTo(1);
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
    StaffPrincipal principal = new StaffPrincipal(personId, "测试", role);
    return authentication(
        new UsernamePasswordAuthenticationToken(
            principal, null, List.of(new SimpleGrantedAuthority(principal.authority()))));
  }
}
