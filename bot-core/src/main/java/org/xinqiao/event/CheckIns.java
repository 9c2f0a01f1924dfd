package org.xinqiao.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinqiao.people.Person;
import org.xinqiao.store.SharedState;

/**
 * "签到 CODE": attendance with the code shown at the event, valid on the event's day only. Wrong
 * codes are counted per person in the shared store, so guessing stops after a few tries an hour.
 */
@Service
class CheckIns {

  enum Outcome {
    CHECKED_IN,
    ALREADY,
    WRONG_CODE,
    NOT_TODAY,
    EVENT_CANCELLED,
    NOT_FOR_YOU,
    TOO_MANY_TRIES
  }

  record Result(Outcome outcome, Event event) {}

  private static final Duration FAILURE_WINDOW = Duration.ofHours(1);

  private final EventRepository events;
  private final SignupRepository signups;
  private final SharedState state;
  private final EventProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;

  CheckIns(
      EventRepository events,
      SignupRepository signups,
      SharedState state,
      EventProperties properties,
      TransactionTemplate tx,
      Clock clock) {
    this.events = events;
    this.signups = signups;
    this.state = state;
    this.properties = properties;
    this.tx = tx;
    this.clock = clock;
  }

  Result checkIn(Person person, String typedCode) {
    String failuresKey = "event-checkin-failures:" + person.id();
    if (state.get(failuresKey).map(Long::parseLong).orElse(0L) >= properties.checkinFailures()) {
      return new Result(Outcome.TOO_MANY_TRIES, null);
    }
    Optional<Event> found = events.byCode(CheckinCodes.normalise(typedCode));
    if (found.isEmpty()) {
      state.increment(failuresKey, FAILURE_WINDOW);
      return new Result(Outcome.WRONG_CODE, null);
    }
    Event e = found.get();
    Instant now = clock.instant();
    if (e.cancelled()) {
      return new Result(Outcome.EVENT_CANCELLED, e);
    }
    if (!e.audience().includes(person.role())) {
      return new Result(Outcome.NOT_FOR_YOU, e);
    }
    if (!e.runsOn(EventTime.day(now))) {
      return new Result(Outcome.NOT_TODAY, e);
    }
    try {
      return tx.execute(
          s -> {
            Optional<Signup> signup = signups.find(e.id(), person.id());
            if (signup.isPresent() && signup.get().attendedAt() != null) {
              return new Result(Outcome.ALREADY, e);
            }
            if (signup.isPresent()) {
              signups.attended(signup.get().id(), now);
            } else {
              signups.walkIn(e.id(), person.id(), now);
            }
            return new Result(Outcome.CHECKED_IN, e);
          });
    } catch (DuplicateKeyException twice) {
      return new Result(Outcome.ALREADY, e); // the same code sent twice at once
    }
  }
}
