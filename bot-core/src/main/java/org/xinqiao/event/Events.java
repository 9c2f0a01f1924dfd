package org.xinqiao.event;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating, changing and cancelling events (the console's side). */
@Service
class Events {

  private static final Logger log = LoggerFactory.getLogger(Events.class);

  private final EventRepository events;
  private final SignupRepository signups;
  private final Signups seats;
  private final EventReminders reminders;
  private final EventNotices notices;
  private final TransactionTemplate tx;
  private final Clock clock;

  Events(
      EventRepository events,
      SignupRepository signups,
      Signups seats,
      EventReminders reminders,
      EventNotices notices,
      TransactionTemplate tx,
      Clock clock) {
    this.events = events;
    this.signups = signups;
    this.seats = seats;
    this.reminders = reminders;
    this.notices = notices;
    this.tx = tx;
    this.clock = clock;
  }

  Event create(EventDraft draft, Long createdBy) {
    for (int attempt = 1; ; attempt++) {
      try {
        Event e =
            tx.execute(
                s -> {
                  long id = events.insert(draft, CheckinCodes.fresh(), createdBy, clock.instant());
                  Event created = events.find(id).orElseThrow();
                  reminders.schedule(created);
                  return created;
                });
        log.info("event {} ({}) created by p{}", e.id(), e.kind(), createdBy);
        return e;
      } catch (DuplicateKeyException codeTaken) {
        if (attempt == 5) {
          throw codeTaken;
        }
      }
    }
  }

  Optional<Event> find(long id) {
    return events.find(id);
  }

  /**
   * Saves the change. A new time gets new reminders; a new time or place is told to everyone signed
   * up or waiting; more seats go to the waitlist.
   */
  Event update(long id, EventDraft draft) {
    return tx.execute(
        s -> {
          Event before = events.lock(id).orElseThrow();
          events.update(id, draft);
          Event after = events.find(id).orElseThrow();
          if (!after.startsAt().equals(before.startsAt())) {
            reminders.schedule(after);
          }
          if (!after.when().equals(before.when()) || !after.place().equals(before.place())) {
            signups.live(id).forEach(x -> notices.changed(x.personId(), after));
          }
          seats.offerFreedSeats(after);
          return after;
        });
  }

  /** Cancels the event and tells everyone signed up or waiting; false if it already was. */
  boolean cancel(long id) {
    return Boolean.TRUE.equals(
        tx.execute(
            s -> {
              Optional<Event> e = events.lock(id);
              if (e.isEmpty() || !events.cancel(id, clock.instant())) {
                return false;
              }
              var told = signups.live(id);
              told.forEach(x -> notices.cancelled(x.personId(), e.get()));
              log.info("event {} cancelled, {} people told", id, told.size());
              return true;
            }));
  }
}
