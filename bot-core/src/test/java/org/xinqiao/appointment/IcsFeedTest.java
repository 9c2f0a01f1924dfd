package org.xinqiao.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.testsupport.MovableClock;
import org.xinqiao.testsupport.NoticeTestBeans;

/** The counselor's secret calendar feed: valid RFC 5545, no personal details, revocable. */
@AppointmentSpringTest
class IcsFeedTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ScheduleImport scheduleImport;
  @Autowired Bookings bookings;
  @Autowired Availability availability;
  @Autowired FeedTokens feeds;
  @Autowired People people;
  @Autowired MovableClock clock;

  long counselorId;

  @BeforeEach
  void counselorWithTwoSessions() {
    clock.set(NoticeTestBeans.MONDAY_8AM);
    AppointmentTestSupport.clear(jdbc);
    String name = "周老师" + UUID.randomUUID().toString().substring(0, 4);
    counselorId = AppointmentTestSupport.counselor(jdbc, name);
    scheduleImport.apply(
        """
        counselors:
          - name: %s
            place: 心理辅导室
            hours:
              TUE: ["14:00-17:00"]
        """
            .formatted(name));
    Person parent = people.contact("wechat", "o_" + UUID.randomUUID());
    List<Slot> free = availability.free(parent.id());
    bookings.book(parent, Kind.PARENT, free.get(0), "孩子的秘密");
    bookings.book(parent, Kind.PARENT, free.get(1), null);
  }

  @Test
  void theFeedParsesAsICalendarWithOneEventPerSession() throws Exception {
    String token = feeds.renew(counselorId);
    MvcResult result = mvc.perform(get("/ics/" + token + ".ics")).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(result.getResponse().getContentType()).startsWith("text/calendar");
    String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

    List<List<biweekly.io.ParseWarning>> warnings = new ArrayList<>();
    ICalendar ical = Biweekly.parse(body).warnings(warnings).first();
    assertThat(ical).isNotNull();
    assertThat(warnings).allSatisfy(w -> assertThat(w).isEmpty());
    assertThat(ical.validate(ICalVersion.V2_0).isEmpty()).isTrue();
    assertThat(ical.getEvents()).hasSize(2);
    VEvent first = ical.getEvents().get(0);
    assertThat(first.getSummary().getValue()).contains("家长咨询");
    assertThat(first.getLocation().getValue()).isEqualTo("心理辅导室");
    assertThat(first.getDateStart().getValue().toInstant().atZone(SchoolTime.ZONE).getHour())
        .isEqualTo(14);
    assertThat(body).doesNotContain("孩子的秘密").doesNotContain("家长（编号");
  }

  @Test
  void aRenewedLinkRevokesTheOldOneAndUnknownTokensAreNotFound() throws Exception {
    String old = feeds.renew(counselorId);
    String fresh = feeds.renew(counselorId);
    assertThat(mvc.perform(get("/ics/" + old + ".ics")).andReturn().getResponse().getStatus())
        .isEqualTo(404);
    assertThat(mvc.perform(get("/ics/" + fresh + ".ics")).andReturn().getResponse().getStatus())
        .isEqualTo(200);
    feeds.revoke(counselorId);
    assertThat(mvc.perform(get("/ics/" + fresh + ".ics")).andReturn().getResponse().getStatus())
        .isEqualTo(404);
    assertThat(mvc.perform(get("/ics/nonsense.ics")).andReturn().getResponse().getStatus())
        .isEqualTo(404);
  }
}
