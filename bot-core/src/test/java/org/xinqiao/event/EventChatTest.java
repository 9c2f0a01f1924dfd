package org.xinqiao.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.conversation.MessagePipeline;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.xinqiao.testsupport.MovableClock;
import org.xinqiao.testsupport.NoticeTestBeans;
import org.xinqiao.testsupport.RecordingSender;

/** Events in the chat, end to end through the real message pipeline and stores. */
@EventSpringTest
class EventChatTest {

  @Autowired MessagePipeline pipeline;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired Events events;
  @Autowired Signups signups;
  @Autowired MovableClock clock;
  @Autowired RecordingSender sender;

  @BeforeEach
  void emptyProgramme() {
    clock.set(NoticeTestBeans.MONDAY_8AM);
    EventTestSupport.clear(jdbc);
    sender.sent.clear();
  }

  @Test
  void parentsSeeParentEventsAndStaffSeeTeacherEventsWithSeatsLeft() {
    Event workshop =
        events.create(draft("亲子沟通工作坊", EventKind.WORKSHOP, EventAudience.PARENTS, 3, 30), 1L);
    Event training =
        events.create(draft("危机识别培训", EventKind.TRAINING, EventAudience.TEACHERS, 4, 50), 1L);
    Event month =
        events.create(draft("心理健康月开幕", EventKind.CAMPAIGN, EventAudience.BOTH, 5, 200), 1L);
    Person parent = parent();
    Person teacher = EventTestSupport.person(people, jdbc, Role.TEACHER, "李红");

    String forParent = send(parent, "活动");
    assertThat(forParent)
        .contains(workshop.id() + ". 亲子沟通工作坊")
        .contains(month.id() + ". 心理健康月开幕")
        .doesNotContain("危机识别培训")
        .contains("还剩 30 个名额")
        .contains("学校报告厅")
        .contains(EventTime.day(NoticeTestBeans.MONDAY.plusDays(3)) + " 15:00-16:30");
    assertThat(forParent.indexOf("亲子沟通工作坊")).isLessThan(forParent.indexOf("心理健康月开幕"));
    assertThat(send(teacher, "活动"))
        .contains(training.id() + ". 危机识别培训")
        .contains("心理健康月开幕")
        .doesNotContain("亲子沟通工作坊");
  }

  @Test
  void signingUpConfirmsOnceAndMyEventsListsIt() {
    Event e = events.create(draft("亲子沟通工作坊", EventKind.WORKSHOP, EventAudience.PARENTS, 3, 30), 1L);
    Person parent = parent();

    assertThat(send(parent, "报名" + e.id())).contains("报名成功").contains("《亲子沟通工作坊》");
    assertThat(send(parent, "报名 " + e.id())).contains("已经报名了");
    assertThat(seats(e)).isEqualTo(1);
    assertThat(send(parent, "我的活动")).contains(e.id() + ". 亲子沟通工作坊（已报名）");
    assertThat(send(parent, "活动")).contains("还剩 29 个名额");
    assertThat(send(parent, "取消报名")).contains("你报名的活动").contains("取消报名" + e.id());
  }

  @Test
  void aFullEventWaitlistsAndAFreedSeatIsOfferedToTheFirstInLine() {
    Event e = events.create(draft("情绪管理工作坊", EventKind.WORKSHOP, EventAudience.PARENTS, 3, 1), 1L);
    Person first = parent();
    Person second = parent();
    Person third = parent();
    assertThat(send(first, "报名" + e.id())).contains("报名成功");
    assertThat(send(second, "报名" + e.id())).contains("报满").contains("第 1 位");
    assertThat(send(third, "报名" + e.id())).contains("第 2 位");
    assertThat(send(parent(), "活动")).contains("已报满，可以候补");

    assertThat(send(first, "取消报名" + e.id())).contains("已取消");
    assertThat(sender.to(second.openid()))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("有空位了").contains("报名" + e.id()));
    assertThat(sender.to(third.openid())).isEmpty();
    assertThat(send(third, "报名" + e.id())).contains("候补").contains("第 1 位");

    assertThat(send(second, "报名" + e.id())).contains("座位确认好了");
    assertThat(send(second, "我的活动")).contains("（已报名）");
    assertThat(seats(e)).isEqualTo(1);
  }

  @Test
  void anOfferNotTakenInTimePassesToTheNextPerson() {
    Event e = events.create(draft("减压营", EventKind.CAMPAIGN, EventAudience.PARENTS, 5, 1), 1L);
    Person first = parent();
    Person second = parent();
    Person third = parent();
    send(first, "报名" + e.id());
    send(second, "报名" + e.id());
    send(third, "报名" + e.id());
    send(first, "取消报名" + e.id());
    Signup offered = signup(e, second);
    assertThat(offered.status()).isEqualTo(Signup.Status.OFFERED);

    clock.set(offered.offerExpiresAt().plusSeconds(1));
    signups.expireOffer(offered.id());

    assertThat(signup(e, second).status()).isEqualTo(Signup.Status.EXPIRED);
    assertThat(signup(e, third).status()).isEqualTo(Signup.Status.OFFERED);
    assertThat(sender.to(third.openid())).anyMatch(t -> t.contains("有空位了"));
  }

  @Test
  void cancellingAnEventTellsEveryoneSignedUpAndWaiting() {
    Event e = events.create(draft("家长讲座", EventKind.LECTURE, EventAudience.PARENTS, 3, 1), 1L);
    Person seated = parent();
    Person waiting = parent();
    send(seated, "报名" + e.id());
    send(waiting, "报名" + e.id());

    assertThat(events.cancel(e.id())).isTrue();
    assertThat(events.cancel(e.id())).isFalse();

    assertThat(sender.to(seated.openid()))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("取消了"));
    assertThat(sender.to(waiting.openid()))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("取消了"));
    assertThat(send(parent(), "活动")).doesNotContain("家长讲座");
    assertThat(send(parent(), "报名" + e.id())).contains("已经取消");
  }

  @Test
  void movingAnEventTellsEveryoneSignedUpAndItsRemindersFollowTheNewTime() {
    Event e = events.create(draft("家长讲座", EventKind.LECTURE, EventAudience.PARENTS, 3, 10), 1L);
    Person parent = parent();
    send(parent, "报名" + e.id());
    EventDraft later = draft("家长讲座", EventKind.LECTURE, EventAudience.PARENTS, 4, 10);

    events.update(e.id(), later);

    assertThat(sender.to(parent.openid()))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t).contains("安排有变动").contains(events.find(e.id()).orElseThrow().when()));
    assertThat(
            jdbc.sql(
                    "select count(*) from scheduled_tasks where task_name = 'event-reminder'"
                        + " and task_instance like ?")
                .param("e" + e.id() + "-%-" + later.startsAt().getEpochSecond())
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void checkInWorksWithTheCodeInAnyCaseOnlyOnTheDay() {
    Event e = events.create(draft("家长讲座", EventKind.LECTURE, EventAudience.PARENTS, 2, 10), 1L);
    Person parent = parent();
    send(parent, "报名" + e.id());
    String code = e.checkinCode().toLowerCase();

    assertThat(send(parent, "签到 " + code))
        .contains("只在活动当天")
        .contains(EventTime.day(NoticeTestBeans.MONDAY.plusDays(2)));
    clock.set(e.startsAt().plus(Duration.ofMinutes(5)));
    assertThat(send(parent, "签到 ZZZZZZ")).contains("没有找到这个签到码");
    assertThat(send(parent, "签到 " + code)).contains("签到成功").contains("《家长讲座》");
    assertThat(send(parent, "签到" + e.checkinCode())).contains("已经签到过了");
    assertThat(signup(e, parent).attendedAt()).isNotNull();

    Person walkIn = parent();
    assertThat(send(walkIn, "签到：" + code)).contains("签到成功");
    assertThat(signup(e, walkIn).status()).isEqualTo(Signup.Status.WALK_IN);
    assertThat(send(walkIn, "签到")).contains("例如");
  }

  @Test
  void guessingCheckInCodesStopsAfterAFewTries() {
    Event e = events.create(draft("家长讲座", EventKind.LECTURE, EventAudience.PARENTS, 0, 10), 1L);
    clock.set(e.startsAt());
    Person guesser = parent();
    for (int i = 0; i < 8; i++) {
      assertThat(send(guesser, "签到 WRONG" + i)).contains("没有找到");
    }
    assertThat(send(guesser, "签到 " + e.checkinCode())).contains("次数有点多");
    assertThat(jdbc.sql("select count(*) from event_signup").query(Long.class).single()).isZero();
  }

  @Test
  void signUpsAreRefusedPolitelyAfterTheDeadlineForOthersAudiencesAndForUnknownNumbers() {
    Event training =
        events.create(draft("危机识别培训", EventKind.TRAINING, EventAudience.TEACHERS, 3, 50), 1L);
    Event lecture =
        events.create(draft("家长讲座", EventKind.LECTURE, EventAudience.PARENTS, 1, 50), 1L);
    Person parent = parent();
    assertThat(send(parent, "报名" + training.id())).contains("是给老师的活动");
    assertThat(send(parent, "报名999999")).contains("没有找到编号 999999");
    assertThat(send(parent, "取消报名" + lecture.id())).contains("你没有报名");
    clock.set(lecture.signupDeadline().plusSeconds(60));
    assertThat(send(parent, "报名" + lecture.id())).contains("报名已经截止");
  }

  @Test
  void myTrainingCountsCheckedInTrainingsOfTheSchoolYear() {
    Person teacher = EventTestSupport.person(people, jdbc, Role.TEACHER, "王芳");
    Event training =
        events.create(draft("危机识别培训", EventKind.TRAINING, EventAudience.TEACHERS, 1, 50), 1L);
    events.create(draft("未参加的培训", EventKind.TRAINING, EventAudience.TEACHERS, 2, 50), 1L);
    send(teacher, "报名" + training.id());
    clock.set(training.startsAt());
    send(teacher, "签到 " + training.checkinCode());

    assertThat(send(teacher, "我的培训"))
        .contains("参加了 1 次培训")
        .contains("至少 4 次")
        .contains("危机识别培训")
        .doesNotContain("未参加的培训");
    assertThat(send(parent(), "我的培训")).contains("培训记录是给老师的");
  }

  @Test
  void deletingMyDataDeletesMySignUpsAndGivesMySeatToTheWaitlist() {
    Event e = events.create(draft("家长讲座", EventKind.LECTURE, EventAudience.PARENTS, 3, 1), 1L);
    Person leaving = parent();
    Person waiting = parent();
    send(leaving, "报名" + e.id());
    send(waiting, "报名" + e.id());

    send(leaving, "删除我的数据");
    send(leaving, "确认删除");

    assertThat(
            jdbc.sql("select count(*) from event_signup where person_id = ?")
                .param(leaving.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(signup(e, waiting).status()).isEqualTo(Signup.Status.OFFERED);
  }

  @Test
  void theRetentionPurgeDeletesSignUpsOfLongPastEventsOnlyAndLogsTheCount(
      @Autowired EventRetention retention) {
    Event old = events.create(draft("旧讲座", EventKind.LECTURE, EventAudience.PARENTS, 1, 10), 1L);
    Event recent = events.create(draft("新讲座", EventKind.LECTURE, EventAudience.PARENTS, 2, 10), 1L);
    Person parent = parent();
    send(parent, "报名" + old.id());
    send(parent, "报名" + recent.id());
    clock.set(old.endsAt().plus(Duration.ofDays(730)).plus(Duration.ofHours(1)));

    Instant now = clock.instant();
    assertThat(org.xinqiao.store.RetentionPurges.run(java.util.List.of(retention), jdbc, now))
        .isEqualTo(1);
    assertThat(jdbc.sql("select event_id from event_signup").query(Long.class).list())
        .containsExactly(recent.id());
    assertThat(
            jdbc.sql(
                    "select row_count from purge_log where table_name = 'event_signup'"
                        + " order by id desc limit 1")
                .query(Long.class)
                .list())
        .containsExactly(1L);
  }

  private static EventDraft draft(
      String title, EventKind kind, EventAudience audience, int days, int capacity) {
    return EventTestSupport.draft(title, kind, audience, days, capacity);
  }

  private int seats(Event e) {
    return jdbc.sql("select count(*) from event_signup where event_id = ? and status = 'CONFIRMED'")
        .param(e.id())
        .query(Integer.class)
        .single();
  }

  private Signup signup(Event e, Person p) {
    return new SignupRepository(jdbc).find(e.id(), p.id()).orElseThrow();
  }

  private Person parent() {
    return EventTestSupport.person(people, jdbc, Role.PARENT, null);
  }

  private String send(Person p, String text) {
    return pipeline
        .handle(
            InboundMessage.text(
                "wechat", "app", p.openid(), text, UUID.randomUUID().toString(), Instant.now()))
        .text();
  }
}
