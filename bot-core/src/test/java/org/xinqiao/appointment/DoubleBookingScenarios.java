package org.xinqiao.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.testsupport.RecordingSender;

/**
 * What the database guarantees, run on H2 and on PostgreSQL by the subclasses: one session per
 * counselor per time even under concurrent bookings, the daily maximum, and reminders that fire
 * once across two scheduler instances.
 */
abstract class DoubleBookingScenarios {

  @Autowired Bookings bookings;
  @Autowired Availability availability;
  @Autowired ScheduleImport scheduleImport;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired OneTimeTask<NoticeTasks.Reminder> reminderTask;
  @Autowired OneTimeTask<Long> appointmentNoticeTask;
  @Autowired RecordingSender sender;

  long counselorId;

  @BeforeEach
  void oneCounselorWorkingEveryDay() {
    AppointmentTestSupport.clear(jdbc);
    counselorId = AppointmentTestSupport.counselor(jdbc, "王老师" + UUID.randomUUID());
    String name =
        jdbc.sql("select display_name from person where id = ?")
            .param(counselorId)
            .query(String.class)
            .single();
    scheduleImport.apply(
        """
        counselors:
          - name: %s
            place: 心理辅导室
            session-minutes: 45
            buffer-minutes: 15
            daily-max: 3
            hours:
              MON: ["08:00-18:00"]
              TUE: ["08:00-18:00"]
              WED: ["08:00-18:00"]
              THU: ["08:00-18:00"]
              FRI: ["08:00-18:00"]
        """
            .formatted(name));
  }

  Person parent() {
    Person p = people.contact("wechat", "o_parent_" + UUID.randomUUID());
    people.consent(p);
    return people.find(p.id()).orElseThrow();
  }

  @Test
  void concurrentBookingsOfOneSlotHaveExactlyOneWinner() throws Exception {
    Slot wanted = availability.free(parent().id()).get(0);
    int threads = 12;
    List<Person> parents = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      parents.add(parent());
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Boolean>> results = new ArrayList<>();
    for (Person p : parents) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  bookings.book(p, Kind.PARENT, wanted, null);
                  return true;
                } catch (BookingRefused refused) {
                  assertThat(refused.reason()).isEqualTo(BookingRefused.Reason.TAKEN);
                  return false;
                }
              }));
    }
    start.countDown();
    int winners = 0;
    for (Future<Boolean> r : results) {
      winners += r.get(60, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();

    assertThat(winners).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from appointment where counselor_id = ? and starts_at = ?")
                .params(counselorId, java.sql.Timestamp.from(wanted.start()))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    List<Slot> offeredToLosers = availability.free(parents.get(0).id());
    assertThat(offeredToLosers).doesNotContain(wanted).isNotEmpty();
  }

  @Test
  void theDatabaseRefusesAnOverlappingSessionEvenWithoutTheService() {
    Slot first = availability.free(parent().id()).get(0);
    Appointment a = bookings.book(parent(), Kind.PARENT, first, null);
    // a second session starting 20 minutes into the first, written straight to the tables
    Slot overlapping =
        new Slot(counselorId, first.start().plusSeconds(1200), first.end().plusSeconds(1200));
    assertThatThrownBy(
            () -> {
              BookingRepository repo = new BookingRepository(jdbc);
              long id =
                  repo.insert(
                      counselorId,
                      a.bookerId(),
                      Kind.PARENT,
                      overlapping,
                      "x",
                      null,
                      Instant.now());
              repo.occupy(
                  counselorId,
                  id,
                  BookingRepository.blocks(overlapping.start(), overlapping.end()));
            })
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void theBufferKeepsTheNextSessionAway() {
    Slot first = availability.free(parent().id()).get(0);
    bookings.book(parent(), Kind.PARENT, first, null);
    assertThat(availability.free(parent().id()))
        .allSatisfy(
            s ->
                assertThat(
                        s.start().isAfter(first.end().plusSeconds(15 * 60 - 1))
                            || s.end().plusSeconds(15 * 60).isBefore(first.start().plusSeconds(1)))
                    .isTrue());
  }

  @Test
  void aFullDayOffersNothingMore() {
    List<Slot> monday =
        availability.free(parent().id()).stream()
            .filter(s -> s.day().equals(availability.free(parent().id()).get(0).day()))
            .toList();
    assertThat(monday.size()).isGreaterThan(3);
    for (int i = 0; i < 3; i++) {
      bookings.book(parent(), Kind.PARENT, monday.get(i), null);
    }
    assertThat(availability.free(parent().id()))
        .noneMatch(s -> s.day().equals(monday.get(0).day()));
    assertThatThrownBy(() -> bookings.book(parent(), Kind.PARENT, monday.get(3), null))
        .isInstanceOf(BookingRefused.class);
  }

  @Test
  void aCancelledSessionFreesItsTimeAndTellsTheCounselor() {
    Person parent = parent();
    Slot slot = availability.free(parent.id()).get(0);
    Appointment a = bookings.book(parent, Kind.PARENT, slot, null);
    assertThat(availability.free(parent.id())).doesNotContain(slot);
    bookings.cancelByBooker(parent, a.id());
    assertThat(availability.free(parent.id())).contains(slot);
    String counselorOpenid = AppointmentTestSupport.openid(jdbc, counselorId);
    assertThat(sender.to(counselorOpenid))
        .anyMatch(t -> t.contains("新的预约") && t.contains(a.when()))
        .anyMatch(t -> t.contains("预约已取消") && t.contains(a.when()));
  }

  @Test
  void aReminderFiresOnceAcrossTwoSchedulerInstances() throws Exception {
    Person parent = parent();
    Appointment a = bookings.book(parent, Kind.PARENT, availability.free(parent.id()).get(0), null);
    ensureSchedulerTable();
    Scheduler one = scheduler();
    Scheduler two = scheduler();
    try {
      one.schedule(
          NoticeTasks.REMIND
              .instance("test-" + a.id())
              .data(new NoticeTasks.Reminder(a.id(), true))
              .build(),
          Instant.now());
      one.start();
      two.start();
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reminderNotices(a.id()) >= 1);
      // let both instances poll a few more times: a second execution would show up here
      Thread.sleep(1500);
      assertThat(reminderNotices(a.id())).isEqualTo(1);
      assertThat(sender.to(parent.openid())).filteredOn(t -> t.startsWith("提醒")).hasSize(1);
    } finally {
      one.stop();
      two.stop();
    }
  }

  @Autowired Reminders reminders;

  @Test
  void someoneWhoWithdrewConsentKeepsTheirSessionButGetsNoReminder() {
    Person parent = parent();
    Appointment a = bookings.book(parent, Kind.PARENT, availability.free(parent.id()).get(0), null);
    assertThat(people.withdrawConsent(parent)).isTrue();

    reminders.remind(new NoticeTasks.Reminder(a.id(), true));
    reminders.remind(new NoticeTasks.Reminder(a.id(), false));

    assertThat(reminderNotices(a.id())).isZero();
    assertThat(new BookingRepository(jdbc).find(a.id()).orElseThrow().live())
        .as("the session stays booked")
        .isTrue();
    people.consent(people.find(parent.id()).orElseThrow());
    reminders.remind(new NoticeTasks.Reminder(a.id(), false));
    assertThat(reminderNotices(a.id())).as("after 同意 again they are reminded").isEqualTo(1);
  }

  @Autowired Waitlist waitlist;

  @Test
  void someoneWhoWithdrewConsentKeepsTheirPlaceOnTheWaitlistButIsPassedOverForAFreedSession() {
    Person booker = parent();
    Appointment a = bookings.book(booker, Kind.PARENT, availability.free(booker.id()).get(0), null);
    java.time.LocalDate day = a.startsAt().atZone(SchoolTime.ZONE).toLocalDate();
    Person withdrawn = parent();
    Person next = parent();
    long withdrawnEntry = waitlist.join(withdrawn.id(), Kind.PARENT, day);
    long nextEntry = waitlist.join(next.id(), Kind.PARENT, day);
    assertThat(people.withdrawConsent(withdrawn)).isTrue();

    bookings.cancelByBooker(booker, a.id());

    WaitlistRepository entries = new WaitlistRepository(jdbc);
    assertThat(entries.find(withdrawnEntry).orElseThrow().status()).isEqualTo("WAITING");
    assertThat(entries.find(nextEntry).orElseThrow().status()).isEqualTo("OFFERED");
  }

  private long reminderNotices(long appointmentId) {
    Appointment a = new BookingRepository(jdbc).find(appointmentId).orElseThrow();
    return jdbc.sql(
            "select count(*) from appointment_notice where person_id = ? and purpose = '预约提醒'")
        .param(a.bookerId())
        .query(Long.class)
        .single();
  }

  private Scheduler scheduler() {
    return Scheduler.create(dataSource, List.of(reminderTask, appointmentNoticeTask))
        .pollingInterval(Duration.ofMillis(200))
        .threads(2)
        .tableName("scheduled_tasks")
        .build();
  }

  /** db-scheduler's table comes with the platform migration; create it when that is absent. */
  private void ensureSchedulerTable() {
    jdbc.sql(
            """
            create table if not exists scheduled_tasks (
                task_name text not null, task_instance text not null, task_data bytea,
                execution_time timestamp with time zone not null, picked boolean not null,
                picked_by text, last_success timestamp with time zone,
                last_failure timestamp with time zone, consecutive_failures int,
                last_heartbeat timestamp with time zone, version bigint not null,
                priority smallint, primary key (task_name, task_instance))
            """)
        .update();
  }
}
