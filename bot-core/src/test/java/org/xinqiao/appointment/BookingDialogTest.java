package org.xinqiao.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinqiao.testsupport.NoticeTestBeans.MONDAY;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.conversation.MessagePipeline;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.store.SharedState;
import org.xinqiao.testsupport.MovableClock;
import org.xinqiao.testsupport.NoticeTestBeans;
import org.xinqiao.testsupport.RecordingSender;

/** The booking dialog end to end through the real message pipeline, with a consented person. */
@AppointmentSpringTest
class BookingDialogTest {

  @Autowired MessagePipeline pipeline;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired ScheduleImport scheduleImport;
  @Autowired Bookings bookings;
  @Autowired Availability availability;
  @Autowired SharedState sharedState;
  @Autowired MovableClock clock;
  @Autowired RecordingSender sender;

  String counselorName;
  String counselorOpenid;
  String openid;

  @BeforeEach
  void counselorWorksWeekdays() {
    clock.set(NoticeTestBeans.MONDAY_8AM);
    sender.sent.clear();
    AppointmentTestSupport.clear(jdbc);
    counselorName = "陈老师" + UUID.randomUUID().toString().substring(0, 4);
    long id = AppointmentTestSupport.counselor(jdbc, counselorName);
    counselorOpenid = AppointmentTestSupport.openid(jdbc, id);
    scheduleImport.apply(
        """
        counselors:
          - name: %s
            place: 心理辅导室（综合楼302）
            daily-max: 3
            hours:
              MON: ["08:00-18:00"]
              TUE: ["08:00-18:00"]
              WED: ["08:00-18:00"]
              THU: ["08:00-18:00"]
              FRI: ["08:00-18:00"]
        """
            .formatted(counselorName));
    openid = "o_" + UUID.randomUUID();
    send("你好");
    send("同意");
  }

  @Test
  void parentBooksAConsultationInAFewTaps() {
    String list = send("预约");
    assertThat(list).contains("家长咨询").contains("1. ").contains(SchoolTime.day(MONDAY.plusDays(1)));
    String confirm = send("1");
    assertThat(confirm)
        .contains("请确认")
        .contains(SchoolTime.day(MONDAY.plusDays(1)) + " 08:00-08:45")
        .contains("心理辅导室（综合楼302）")
        .contains(counselorName);
    String booked = send("确认 三年级2班，孩子最近不愿意上学");
    assertThat(booked).contains("预约成功").contains("08:00-08:45");
    assertThat(jdbc.sql("select note from appointment").query(String.class).single())
        .isEqualTo("三年级2班，孩子最近不愿意上学");
    assertThat(sender.to(counselorOpenid))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("新的预约").contains("家长咨询").doesNotContain("三年级"));
  }

  @Test
  void parentsAreOnlyOfferedParentConsultations() {
    assertThat(send("预约")).doesNotContain("老师本人").doesNotContain("学生转介");
  }

  @Test
  void teacherRefersAPupilAndTheNoteReachesOnlyTheCounselor() {
    makeTeacher();
    assertThat(send("预约")).contains("1. 老师本人咨询").contains("2. 学生转介");
    assertThat(send("2")).contains("只有心理老师能看到");
    assertThat(send("四年级1班 小林，最近上课常哭")).contains("学生转介").contains("1. ");
    send("1");
    assertThat(send("确认")).contains("预约成功").doesNotContain("学校管理人员看不到");
    assertThat(jdbc.sql("select kind || ':' || note from appointment").query(String.class).single())
        .isEqualTo("REFERRAL:四年级1班 小林，最近上课常哭");
    assertThat(sender.to(counselorOpenid)).allMatch(t -> !t.contains("小林"));
  }

  @Test
  void teacherOwnSessionIsToldItIsConfidential() {
    makeTeacher();
    send("预约");
    send("1");
    send("1");
    assertThat(send("确认")).contains("学校管理人员看不到");
  }

  @Test
  void aNumberThatIsNotOnTheListGetsAFreshList() {
    send("预约");
    assertThat(send("99")).contains("没有第 99 个选项").contains("1. ");
  }

  @Test
  void aDateInThePastGetsAFreshList() {
    send("预约");
    LocalDate past = MONDAY.minusDays(3);
    assertThat(send(past.getMonthValue() + "月" + past.getDayOfMonth() + "日"))
        .contains("已经过去")
        .contains("1. ");
  }

  @Test
  void aChoiceTakenMeanwhileIsExplainedAndReplacedByAFreshList() {
    send("预约");
    Person other = otherParent();
    Slot first = availability.free(other.id()).get(0);
    bookings.book(other, Kind.PARENT, first, null);
    String reply = send("1");
    assertThat(reply).contains("刚刚被别人约走").contains("1. ").doesNotContain("请确认");
    assertThat(reply)
        .contains(SchoolTime.day(first.day()) + "\n  1. 09:00-09:45")
        .doesNotContain(SchoolTime.day(first.day()) + "\n  1. 08:00-08:45");
  }

  @Test
  void freeTextNarrowsTheChoicesToThatDayAndPart() {
    send("预约");
    String reply = send("明天下午");
    assertThat(reply).contains(SchoolTime.day(MONDAY.plusDays(1))).contains("12:00-12:45");
    assertThat(reply).doesNotContain("08:00").doesNotContain(SchoolTime.day(MONDAY.plusDays(2)));
    assertThat(send("下周三")).contains(SchoolTime.day(MONDAY.plusDays(9)));
  }

  @Test
  void cancelLeavesTheDialogAtAnyPoint() {
    send("预约");
    assertThat(send("取消")).contains("已经取消");
    assertThat(sharedState.get("dialog:" + me().id())).isEmpty();
    assertThat(jdbc.sql("select count(*) from appointment").query(Long.class).single()).isZero();
  }

  @Test
  void theDialogStateIsACompactStringInTheSharedStore() {
    send("预约");
    assertThat(sharedState.get("dialog:" + me().id()))
        .hasValueSatisfying(
            v -> assertThat(v).startsWith("booking\nPICK|P|0|").hasSizeLessThan(300));
  }

  @Test
  void myBookingsListsAndCancelsAndTheCounselorIsTold() {
    book();
    String mine = send("我的预约");
    assertThat(mine).contains("1. " + SchoolTime.day(MONDAY.plusDays(1)) + " 08:00-08:45");
    assertThat(send("退约1")).contains("已取消");
    assertThat(sender.to(counselorOpenid)).anyMatch(t -> t.contains("预约已取消"));
    assertThat(send("我的预约")).contains("没有待参加的预约");
  }

  @Test
  void rescheduleMovesTheBookingAndFreesTheOldTime() {
    book();
    send("我的预约");
    assertThat(send("改约1")).contains("换一个时间").contains("1. ");
    assertThat(send("2")).contains("请确认改到");
    // the list leaves out the old 08:00 time while it is held, so choice 2 is 10:00
    assertThat(send("确认")).contains("改约成功").contains("10:00-10:45");
    assertThat(jdbc.sql("select status from appointment order by id").query(String.class).list())
        .containsExactly("RESCHEDULED", "BOOKED");
    assertThat(sender.to(counselorOpenid)).anyMatch(t -> t.contains("预约已改期"));
  }

  @Test
  void cancellingInsideTheCutOffIsRefusedPolitely() {
    book();
    send("我的预约");
    clock.set(
        MONDAY.plusDays(1).atTime(7, 0).atZone(SchoolTime.ZONE).toInstant()); // an hour before
    assertThat(send("退约1")).contains("不到 2 小时").contains("直接联系心理老师");
    assertThat(jdbc.sql("select status from appointment").query(String.class).single())
        .isEqualTo("BOOKED");
  }

  @Test
  void aFullDayOffersTheWaitlistAndAFreedSlotGoesToTheFirstInLine() {
    LocalDate tuesday = MONDAY.plusDays(1);
    Person early = otherParent();
    java.util.List<Slot> tuesdaySlots =
        availability.free(early.id()).stream().filter(s -> s.day().equals(tuesday)).toList();
    Appointment first = bookings.book(early, Kind.PARENT, tuesdaySlots.get(0), null);
    bookings.book(otherParent(), Kind.PARENT, tuesdaySlots.get(1), null);
    bookings.book(otherParent(), Kind.PARENT, tuesdaySlots.get(2), null);

    send("预约");
    assertThat(send("明天")).contains("约满").contains("候补");
    assertThat(send("候补")).contains("候补");

    bookings.cancelByBooker(early, first.id());
    assertThat(sender.to(openid)).anyMatch(t -> t.contains("有空位了") && t.contains("08:00-08:45"));
    assertThat(availability.free(otherParent().id())).doesNotContain(tuesdaySlots.get(0));
    assertThat(availability.free(me().id())).contains(tuesdaySlots.get(0));
  }

  private void book() {
    send("预约");
    send("1");
    assertThat(send("确认")).contains("预约成功");
  }

  private void makeTeacher() {
    jdbc.sql("update person set role = 'TEACHER', display_name = '李红' where openid = ?")
        .param(openid)
        .update();
  }

  private Person me() {
    return people.find("wechat", openid).orElseThrow();
  }

  private Person otherParent() {
    Person p = people.contact("wechat", "o_other_" + UUID.randomUUID());
    people.consent(p);
    return people.find(p.id()).orElseThrow();
  }

  @Test
  void aCounselorWhoDeletesTheirDataCancelsTheirSessionsAndTheBookerIsTold() {
    send("预约");
    send("1");
    assertThat(send("确认")).contains("预约成功");
    Person counselor = people.find("wechat", counselorOpenid).orElseThrow();

    people.forget(counselor);

    assertThat(people.find(counselor.id())).isEmpty();
    assertThat(jdbc.sql("select count(*) from appointment").query(Integer.class).single()).isZero();
    assertThat(sender.to(openid)).anyMatch(t -> t.contains("取消") && t.contains("不再提供预约"));
  }

  @Test
  void cancellingOrMovingABookingThatDoesNotExistSaysSoPlainly() {
    assertThat(send("退约1")).contains("没有待参加的预约").doesNotContain("【");
    assertThat(send("改约1")).contains("没有待参加的预约");
  }

  @Test
  void cancellingByNumberWithoutTheListOpenCancelsThatBooking() {
    send("预约");
    send("1");
    assertThat(send("确认")).contains("预约成功");
    send("你好");
    assertThat(send("退约1")).contains("取消");
    assertThat(jdbc.sql("select status from appointment").query(String.class).single())
        .isEqualTo("CANCELLED");
  }

  @Test
  void withNoHoursPublishedBookingSaysSoRatherThanFull() {
    AppointmentTestSupport.clear(jdbc);
    assertThat(send("预约")).contains("还没有公布").doesNotContain("约满");
  }

  private String send(String text) {
    return pipeline
        .handle(
            InboundMessage.text(
                "wechat", "app", openid, text, UUID.randomUUID().toString(), Instant.now()))
        .text();
  }
}
