package org.xinqiao.event;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinqiao.people.Person;

/**
 * Signing up, the waitlist and freed seats. Every change of an event's seats runs in a transaction
 * that first locks the event's row, so two sign-ups for the last seat (on one instance or two) are
 * decided one after the other; the unique (event, person) key refuses a second sign-up.
 */
@Service
class Signups {

  enum Outcome {
    CONFIRMED,
    OFFER_TAKEN,
    WAITLISTED,
    ALREADY_CONFIRMED,
    ALREADY_WAITING,
    CLOSED,
    EVENT_CANCELLED,
    NOT_FOUND,
    NOT_FOR_YOU
  }

  /** What a sign-up did; {@code position} is the place on the waitlist (1 = next). */
  record Result(Outcome outcome, Event event, int position) {}

  enum Cancelled {
    DONE,
    NOT_SIGNED_UP,
    STARTED,
    NOT_FOUND
  }

  private final EventRepository events;
  private final SignupRepository signups;
  private final EventNotices notices;
  private final EventProperties properties;
  private final ObjectProvider<SchedulerClient> scheduler;
  private final TransactionTemplate tx;
  private final Clock clock;

  Signups(
      EventRepository events,
      SignupRepository signups,
      EventNotices notices,
      EventProperties properties,
      ObjectProvider<SchedulerClient> scheduler,
      TransactionTemplate tx,
      Clock clock) {
    this.events = events;
    this.signups = signups;
    this.notices = notices;
    this.properties = properties;
    this.scheduler = scheduler;
    this.tx = tx;
    this.clock = clock;
  }

  Result signUp(Person person, long eventId) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.execute(s -> signUpLocked(person, eventId));
      } catch (DuplicateKeyException | PessimisticLockingFailureException raced) {
        // the same person signed up twice at once, or the lock wait ran out: decide again
        if (attempt == 3) {
          throw raced;
        }
      }
    }
  }

  private Result signUpLocked(Person person, long eventId) {
    Optional<Event> found = events.lock(eventId);
    if (found.isEmpty()) {
      return new Result(Outcome.NOT_FOUND, null, 0);
    }
    Event e = found.get();
    if (!e.audience().includes(person.role())) {
      return new Result(Outcome.NOT_FOR_YOU, e, 0);
    }
    if (e.cancelled()) {
      return new Result(Outcome.EVENT_CANCELLED, e, 0);
    }
    Instant now = clock.instant();
    Optional<Signup> existing = signups.find(eventId, person.id());
    if (existing.isPresent()) {
      Signup s = existing.get();
      switch (s.status()) {
        case CONFIRMED -> {
          return new Result(Outcome.ALREADY_CONFIRMED, e, 0);
        }
        case WAITING -> {
          return new Result(Outcome.ALREADY_WAITING, e, position(s));
        }
        case OFFERED -> {
          if (s.offerExpiresAt() != null && s.offerExpiresAt().isAfter(now)) {
            signups.move(s.id(), Signup.Status.OFFERED, Signup.Status.CONFIRMED);
            return new Result(Outcome.OFFER_TAKEN, e, 0);
          }
          signups.move(s.id(), Signup.Status.OFFERED, Signup.Status.EXPIRED);
        }
        default -> {}
      }
    }
    if (!e.signupOpen(now)) {
      return new Result(Outcome.CLOSED, e, 0);
    }
    Signup.Status status =
        signups.holding(eventId) < e.capacity() ? Signup.Status.CONFIRMED : Signup.Status.WAITING;
    long id;
    if (existing.isPresent()) {
      id = existing.get().id();
      signups.requeue(id, status, now);
    } else {
      id = signups.insert(eventId, person.id(), status, now);
    }
    if (status == Signup.Status.CONFIRMED) {
      return new Result(Outcome.CONFIRMED, e, 0);
    }
    return new Result(Outcome.WAITLISTED, e, position(signups.find(id).orElseThrow()));
  }

  private int position(Signup waiting) {
    return signups.waitingAhead(waiting) + 1;
  }

  /** The person gives up their seat, offer or place in line. */
  Cancelled cancel(Person person, long eventId) {
    return tx.execute(
        s -> {
          Optional<Event> found = events.lock(eventId);
          if (found.isEmpty()) {
            return Cancelled.NOT_FOUND;
          }
          Event e = found.get();
          Optional<Signup> signup =
              signups.find(eventId, person.id()).filter(x -> x.status().live());
          if (signup.isEmpty()) {
            return Cancelled.NOT_SIGNED_UP;
          }
          if (!e.startsAt().isAfter(clock.instant())) {
            return Cancelled.STARTED;
          }
          signups.move(signup.get().id(), signup.get().status(), Signup.Status.CANCELLED);
          if (signup.get().status().holdsSeat()) {
            offerFreedSeats(e);
          }
          return Cancelled.DONE;
        });
  }

  /**
   * Offers free seats to the first people waiting, each held for {@code waitlist-hold} (never past
   * the start). Call with the event's row locked.
   */
  void offerFreedSeats(Event e) {
    Instant now = clock.instant();
    if (e.cancelled() || !e.startsAt().isAfter(now)) {
      return;
    }
    int free = e.capacity() - signups.holding(e.id());
    for (int i = 0; i < free; i++) {
      Optional<Signup> next = signups.firstWaiting(e.id());
      if (next.isEmpty()) {
        return;
      }
      Instant hold = now.plus(properties.waitlistHold());
      Instant until = hold.isBefore(e.startsAt()) ? hold : e.startsAt();
      if (!signups.offer(next.get().id(), until)) {
        return;
      }
      notices.seatOffered(next.get().personId(), e, until);
      SchedulerClient client = scheduler.getIfAvailable();
      if (client != null) {
        client.scheduleIfNotExists(
            EventTasks.OFFER_EXPIRY
                .instance("eo" + next.get().id() + "-" + until.getEpochSecond())
                .data(next.get().id())
                .build(),
            until);
      }
    }
  }

  /** The end of an offer: if it was not taken, the seat goes to the next person. */
  void expireOffer(long signupId) {
    tx.executeWithoutResult(
        s -> {
          Optional<Signup> signup = signups.find(signupId);
          Optional<Event> e = signup.flatMap(x -> events.lock(x.eventId()));
          Optional<Signup> fresh = e.flatMap(x -> signups.find(signupId)); // re-read, locked
          if (fresh.isEmpty()
              || fresh.get().status() != Signup.Status.OFFERED
              || fresh.get().offerExpiresAt().isAfter(clock.instant())) {
            return;
          }
          if (signups.move(signupId, Signup.Status.OFFERED, Signup.Status.EXPIRED)) {
            offerFreedSeats(e.get());
          }
        });
  }
}
