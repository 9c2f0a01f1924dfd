package org.xinqiao.appointment;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.xinqiao.conversation.Texts;
import org.xinqiao.people.People;

/**
 * Reminders the day before and an hour before a session, as durable one-time tasks scheduled in the
 * booking transaction. A reminder of a session that was cancelled or moved finds it no longer live
 * and does nothing, so changes never need to hunt down scheduled reminders.
 */
@Service
class Reminders {

  private static final Logger log = LoggerFactory.getLogger(Reminders.class);

  private final BookingRepository repository;
  private final Notices notices;
  private final Texts texts;
  private final AppointmentProperties properties;
  private final ObjectProvider<SchedulerClient> scheduler;
  private final People people;
  private final Clock clock;

  Reminders(
      BookingRepository repository,
      Notices notices,
      Texts texts,
      AppointmentProperties properties,
      ObjectProvider<SchedulerClient> scheduler,
      People people,
      Clock clock) {
    this.people = people;
    this.repository = repository;
    this.notices = notices;
    this.texts = texts;
    this.properties = properties;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** Schedules both reminders of a new booking (those already past are skipped). */
  void schedule(Appointment a) {
    SchedulerClient client = scheduler.getIfAvailable();
    if (client == null) {
      log.warn("no scheduler: appointment {} gets no reminders", a.id());
      return;
    }
    Instant now = clock.instant();
    Instant dayBefore = a.startsAt().minus(properties.reminderDayBefore());
    Instant hourBefore = a.startsAt().minus(properties.reminderHourBefore());
    for (NoticeTasks.Reminder r :
        new NoticeTasks.Reminder[] {
          new NoticeTasks.Reminder(a.id(), true), new NoticeTasks.Reminder(a.id(), false)
        }) {
      Instant at = r.dayBefore() ? dayBefore : hourBefore;
      if (at.isAfter(now)) {
        client.scheduleIfNotExists(NoticeTasks.REMIND.instance(r.instanceId()).data(r).build(), at);
      }
    }
  }

  /**
   * Runs when a reminder is due: tells the booker, if the session is still on and they have not
   * withdrawn their consent since (the booking stays; the reminders stop).
   */
  void remind(NoticeTasks.Reminder reminder) {
    repository
        .find(reminder.appointmentId())
        .filter(Appointment::live)
        .filter(a -> a.startsAt().isAfter(clock.instant()))
        .filter(a -> !people.withdrewConsent(a.bookerId()))
        .ifPresent(
            a ->
                notices.enqueue(
                    a.bookerId(),
                    new AppointmentNotice(
                        "预约提醒",
                        a.when(),
                        a.place(),
                        texts.format(
                            reminder.dayBefore()
                                ? "appointment-reminder-day"
                                : "appointment-reminder-hour",
                            Map.of(
                                "when",
                                a.when(),
                                "place",
                                a.place(),
                                "cutoff",
                                properties.cancelCutoff().toHours())))));
  }
}
