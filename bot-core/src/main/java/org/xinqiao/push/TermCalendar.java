package org.xinqiao.push;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;

/**
 * The term's weeks and push slots. Week 1 starts on {@code xinqiao.push.term-start} (a Monday);
 * week n's push slot is {@code day} at {@code time} in that week, in the school's zone. A push is
 * current from its slot until the next week's slot; after that it is stale and never sent.
 */
@Component
class TermCalendar {

  private final PushProperties properties;
  private final ZoneId zone;

  TermCalendar(PushProperties properties, Clock clock) {
    this.properties = properties;
    this.zone = clock.getZone();
  }

  boolean configured() {
    return properties.termStart() != null;
  }

  /** A stable name for the term, used in run keys and clientmsgids (e.g. {@code 20250901}). */
  String termKey() {
    return properties.termStart().toString().replace("-", "");
  }

  LocalDate termStart() {
    return properties.termStart();
  }

  /** The term week the date falls in (1 on term-start's Monday); empty before the term. */
  OptionalInt weekOn(Instant at) {
    if (!configured()) {
      return OptionalInt.empty();
    }
    long days = ChronoUnit.DAYS.between(properties.termStart(), at.atZone(zone).toLocalDate());
    return days < 0 ? OptionalInt.empty() : OptionalInt.of((int) (days / 7) + 1);
  }

  /** When week {@code week}'s push is due. */
  Instant slot(int week) {
    LocalDate date =
        properties.termStart().plusWeeks(week - 1L).plusDays(properties.day().getValue() - 1L);
    return date.atTime(properties.time()).atZone(zone).toInstant();
  }

  /** The latest week whose slot has passed at {@code now}: the one push that may still go out. */
  OptionalInt dueWeek(Instant now) {
    OptionalInt week = weekOn(now);
    if (week.isEmpty()) {
      return week;
    }
    int w = week.getAsInt();
    while (w >= 1 && slot(w).isAfter(now)) {
      w--;
    }
    return w >= 1 ? OptionalInt.of(w) : OptionalInt.empty();
  }

  /** The first slot after {@code now} up to {@code lastWeek}, if any is left in the term. */
  Optional<Slot> nextSlot(Instant now, int lastWeek) {
    if (!configured()) {
      return Optional.empty();
    }
    int w = dueWeek(now).orElse(0) + 1;
    return w <= lastWeek ? Optional.of(new Slot(w, slot(w))) : Optional.empty();
  }

  record Slot(int week, Instant at) {}
}
