package org.xinqiao.event;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinqiao.people.People;

/**
 * Reminders the day before and an hour before an event, to everyone with a seat at that moment
 * (except those who withdrew their consent). They are scheduled when the event is created or moved,
 * as durable tasks; one that finds the event cancelled or moved does nothing.
 */
@Service
class EventReminders {

  private static final Logger log = LoggerFactory.getLogger(EventReminders.class);

  private final EventRepository events;
  private final SignupRepository signups;
  private final EventNotices notices;
  private final EventProperties properties;
  private final ObjectProvider<SchedulerClient> scheduler;
  private final TransactionTemplate tx;
  private final People people;
  private final Clock clock;

  EventReminders(
      EventRepository events,
      SignupRepository signups,
      EventNotices notices,
      EventProperties properties,
      ObjectProvider<SchedulerClient> scheduler,
      TransactionTemplate tx,
      People people,
      Clock clock) {
    this.people = people;
    this.events = events;
    this.signups = signups;
    this.notices = notices;
    this.properties = properties;
    this.scheduler = scheduler;
    this.tx = tx;
    this.clock = clock;
  }

  /** Schedules both reminders for the event's start (those already past are skipped). */
  void schedule(Event e) {
    SchedulerClient client = scheduler.getIfAvailable();
    if (client == null) {
      log.warn("no scheduler: event {} gets no reminders", e.id());
      return;
    }
    Instant now = clock.instant();
    long start = e.startsAt().getEpochSecond();
    for (boolean dayBefore : new boolean[] {true, false}) {
      Instant at =
          e.startsAt()
              .minus(dayBefore ? properties.reminderDayBefore() : properties.reminderHourBefore());
      EventTasks.Reminder r = new EventTasks.Reminder(e.id(), dayBefore, start);
      if (at.isAfter(now)) {
        client.scheduleIfNotExists(EventTasks.REMIND.instance(r.instanceId()).data(r).build(), at);
      }
    }
  }

  /** A reminder is due: one notice per seat, written in one transaction. */
  void remind(EventTasks.Reminder r) {
    tx.executeWithoutResult(
        s ->
            events
                .find(r.eventId())
                .filter(e -> !e.cancelled())
                .filter(e -> e.startsAt().getEpochSecond() == r.startEpochSecond())
                .filter(e -> e.startsAt().isAfter(clock.instant()))
                .ifPresent(
                    e -> {
                      // someone who withdrew their consent keeps the seat but gets no reminder
                      var seated =
                          signups.confirmed(e.id()).stream()
                              .filter(x -> !people.withdrewConsent(x.personId()))
                              .toList();
                      seated.forEach(x -> notices.remind(x.personId(), e, r.dayBefore()));
                      log.info(
                          "event {} {} reminder: {} notices",
                          e.id(),
                          r.dayBefore() ? "day" : "hour",
                          seated.size());
                    }));
  }
}
