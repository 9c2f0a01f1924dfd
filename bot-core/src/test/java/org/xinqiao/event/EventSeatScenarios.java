package org.xinqiao.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.xinqiao.testsupport.MovableClock;
import org.xinqiao.testsupport.NoticeTestBeans;
import org.xinqiao.testsupport.RecordingSender;

/**
 * What the database guarantees, on H2 and on PostgreSQL (the subclasses): parallel sign-ups never
 * take more seats than the event has, one person never gets two sign-ups, and a reminder fires once
 * across two scheduler instances.
 */
abstract class EventSeatScenarios {

  @Autowired Events events;
  @Autowired Signups signups;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired OneTimeTask<EventTasks.Reminder> eventReminderTask;
  @Autowired OneTimeTask<Long> appointmentNoticeTask;
  @Autowired RecordingSender sender;
  @Autowired MovableClock clock;

  @BeforeEach
  void emptyProgramme() {
    clock.set(NoticeTestBeans.MONDAY_8AM);
    EventTestSupport.clear(jdbc);
  }

  @Test
  void parallelSignUpsForTheLastSeatsNeverExceedTheCapacity() throws Exception {
    Event e = events.create(workshop(5), 1L);
    List<Person> parents = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      parents.add(EventTestSupport.person(people, jdbc, Role.PARENT, null));
    }
    List<Signups.Outcome> outcomes =
        inParallel(
            parents.stream()
                .map(p -> (Callable<Signups.Outcome>) () -> signups.signUp(p, e.id()).outcome())
                .toList());

    assertThat(outcomes).filteredOn(o -> o == Signups.Outcome.CONFIRMED).hasSize(5);
    assertThat(outcomes).filteredOn(o -> o == Signups.Outcome.WAITLISTED).hasSize(11);
    assertThat(count(e, "CONFIRMED")).isEqualTo(5);
    assertThat(count(e, "WAITING")).isEqualTo(11);
  }

  @Test
  void onePersonSendingSignUpManyTimesAtOnceGetsOneSignUp() throws Exception {
    Event e = events.create(workshop(30), 1L);
    Person parent = EventTestSupport.person(people, jdbc, Role.PARENT, null);
    List<Callable<Signups.Outcome>> same = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      same.add(() -> signups.signUp(parent, e.id()).outcome());
    }
    List<Signups.Outcome> outcomes = inParallel(same);

    assertThat(outcomes).filteredOn(o -> o == Signups.Outcome.CONFIRMED).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> o != Signups.Outcome.CONFIRMED)
        .containsOnly(Signups.Outcome.ALREADY_CONFIRMED);
    assertThat(count(e, "CONFIRMED")).isEqualTo(1);
  }

  @Test
  void aReminderFiresOnceAcrossTwoSchedulerInstances() throws Exception {
    Event e = events.create(workshop(30), 1L);
    Person parent = EventTestSupport.person(people, jdbc, Role.PARENT, null);
    signups.signUp(parent, e.id());
    EventTasks.Reminder reminder =
        new EventTasks.Reminder(e.id(), true, e.startsAt().getEpochSecond());
    Scheduler one = scheduler();
    Scheduler two = scheduler();
    try {
      one.schedule(
          EventTasks.REMIND.instance("test-" + reminder.instanceId()).data(reminder).build(),
          Instant.now());
      one.start();
      two.start();
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reminders(parent) >= 1);
      Thread.sleep(1500); // both instances poll a few more times: a second run would show here
      assertThat(reminders(parent)).isEqualTo(1);
      assertThat(sender.to(parent.openid()))
          .filteredOn(t -> t.startsWith("提醒"))
          .singleElement()
          .satisfies(t -> assertThat(t).contains("明天").contains("取消报名" + e.id()));
    } finally {
      one.stop();
      two.stop();
    }
  }

  @Test
  void aReminderOfAMovedOrCancelledEventSendsNothing() {
    Event e = events.create(workshop(30), 1L);
    Person parent = EventTestSupport.person(people, jdbc, Role.PARENT, null);
    signups.signUp(parent, e.id());
    EventReminders reminders = eventReminders;
    reminders.remind(new EventTasks.Reminder(e.id(), false, e.startsAt().getEpochSecond() - 3600));
    events.cancel(e.id());
    reminders.remind(new EventTasks.Reminder(e.id(), false, e.startsAt().getEpochSecond()));
    assertThat(reminders(parent)).isZero();
  }

  @Test
  void someoneWhoWithdrewConsentKeepsTheirSeatButGetsNoReminderAndIsPassedOverForOffers() {
    Event e = events.create(workshop(1), 1L);
    Person seated = EventTestSupport.person(people, jdbc, Role.PARENT, null);
    Person withdrawn = EventTestSupport.person(people, jdbc, Role.PARENT, null);
    Person next = EventTestSupport.person(people, jdbc, Role.PARENT, null);
    signups.signUp(seated, e.id());
    signups.signUp(withdrawn, e.id());
    signups.signUp(next, e.id());
    assertThat(people.withdrawConsent(withdrawn)).isTrue();

    signups.cancel(seated, e.id());

    assertThat(signupRows.find(e.id(), withdrawn.id()).orElseThrow().status())
        .as("still in line, not offered")
        .isEqualTo(Signup.Status.WAITING);
    assertThat(signupRows.find(e.id(), next.id()).orElseThrow().status())
        .isEqualTo(Signup.Status.OFFERED);

    Event both = events.create(workshop(5), 1L);
    signups.signUp(next, both.id());
    signups.signUp(withdrawn, both.id());
    eventReminders.remind(
        new EventTasks.Reminder(both.id(), true, both.startsAt().getEpochSecond()));
    assertThat(reminders(next)).isEqualTo(1);
    assertThat(reminders(withdrawn)).isZero();
    assertThat(count(both, "CONFIRMED")).as("the seat stays theirs").isEqualTo(2);
  }

  @Autowired EventReminders eventReminders;
  @Autowired SignupRepository signupRows;

  private EventDraft workshop(int capacity) {
    return EventTestSupport.draft(
        "情绪管理工作坊", EventKind.WORKSHOP, EventAudience.PARENTS, 3, capacity);
  }

  private long reminders(Person p) {
    return jdbc.sql(
            "select count(*) from appointment_notice where person_id = ? and purpose = '活动提醒'")
        .param(p.id())
        .query(Long.class)
        .single();
  }

  private long count(Event e, String status) {
    return jdbc.sql("select count(*) from event_signup where event_id = ? and status = ?")
        .params(e.id(), status)
        .query(Long.class)
        .single();
  }

  private Scheduler scheduler() {
    return Scheduler.create(dataSource, List.of(eventReminderTask, appointmentNoticeTask))
        .pollingInterval(Duration.ofMillis(200))
        .threads(2)
        .tableName("scheduled_tasks")
        .build();
  }

  private static <T> List<T> inParallel(List<Callable<T>> calls) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> c : calls) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return c.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }
}
