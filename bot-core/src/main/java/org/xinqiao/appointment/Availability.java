package org.xinqiao.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Which times can be booked: each active counselor's weekly hours (or that day's override), inside
 * a term and outside holidays, from now plus the minimum notice to the end of the booking window,
 * without held blocks (a session plus its buffer), on days below the daily maximum, and not held
 * for someone else on the waitlist.
 */
@Service
class Availability {

  /** How a day looks for booking. */
  enum DayState {
    /** someone works and has free times */
    OPEN,
    /** someone works but every time is taken: the waitlist makes sense */
    FULL,
    /** nobody works, holiday, outside term or outside the booking window */
    CLOSED
  }

  private final ScheduleRepository schedule;
  private final BookingRepository bookings;
  private final WaitlistRepository waitlist;
  private final AppointmentProperties properties;
  private final Clock clock;

  Availability(
      ScheduleRepository schedule,
      BookingRepository bookings,
      WaitlistRepository waitlist,
      AppointmentProperties properties,
      Clock clock) {
    this.schedule = schedule;
    this.bookings = bookings;
    this.waitlist = waitlist;
    this.properties = properties;
    this.clock = clock;
  }

  /** Every free slot in the booking window, in time order, as seen by {@code viewerId}. */
  List<Slot> free(long viewerId) {
    Instant now = clock.instant();
    LocalDate today = now.atZone(SchoolTime.ZONE).toLocalDate();
    return free(viewerId, today, lastBookableDay(today));
  }

  LocalDate lastBookableDay(LocalDate today) {
    return today.plusDays(properties.bookingWindow().toDays());
  }

  /** Free slots on the days from..to inclusive. */
  List<Slot> free(long viewerId, LocalDate from, LocalDate to) {
    Instant earliest = clock.instant().plus(properties.minNotice());
    List<ScheduleRepository.Period> calendar = schedule.calendar();
    Set<String> heldForOthers = waitlist.heldRefs(viewerId, clock.instant());
    List<Slot> slots = new ArrayList<>();
    for (Counselor c : schedule.counselors()) {
      if (!c.active()) {
        continue;
      }
      slots.addAll(freeOf(c, from, to, earliest, calendar, heldForOthers));
    }
    slots.sort(Comparator.comparing(Slot::start).thenComparing(Slot::counselorId));
    return slots;
  }

  /** The free slot a dialog reference names, or empty when it is taken, past or unknown. */
  java.util.Optional<Slot> resolve(long viewerId, String ref) {
    try {
      long counselor = Slot.refCounselor(ref);
      Instant start = Slot.refStart(ref);
      LocalDate day = start.atZone(SchoolTime.ZONE).toLocalDate();
      return free(viewerId, day, day).stream()
          .filter(s -> s.counselorId() == counselor && s.start().equals(start))
          .findFirst();
    } catch (RuntimeException malformed) {
      return java.util.Optional.empty();
    }
  }

  boolean isFree(long viewerId, Slot slot) {
    LocalDate day = slot.day();
    return free(viewerId, day, day).contains(slot);
  }

  DayState dayState(long viewerId, LocalDate day) {
    if (!free(viewerId, day, day).isEmpty()) {
      return DayState.OPEN;
    }
    LocalDate today = clock.instant().atZone(SchoolTime.ZONE).toLocalDate();
    if (day.isBefore(today) || day.isAfter(lastBookableDay(today))) {
      return DayState.CLOSED;
    }
    List<ScheduleRepository.Period> calendar = schedule.calendar();
    boolean anyoneWorks =
        schedule.counselors().stream()
            .filter(Counselor::active)
            .anyMatch(c -> !windows(c, day, calendar).isEmpty());
    return anyoneWorks ? DayState.FULL : DayState.CLOSED;
  }

  private List<Slot> freeOf(
      Counselor c,
      LocalDate from,
      LocalDate to,
      Instant earliest,
      List<ScheduleRepository.Period> calendar,
      Set<String> heldForOthers) {
    Duration session = Duration.ofMinutes(c.sessionMinutes());
    Duration step = session.plusMinutes(c.bufferMinutes());
    Set<Long> held =
        bookings.heldBlocks(
            c.personId(),
            from.atStartOfDay(SchoolTime.ZONE).toInstant(),
            to.plusDays(1).atStartOfDay(SchoolTime.ZONE).toInstant());
    Map<LocalDate, Integer> seats = bookings.seatsPerDay(c.personId(), from, to);
    List<ScheduleRepository.Override> overrides = schedule.overrides(c.personId(), from, to);
    List<Slot> slots = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (seats.getOrDefault(day, 0) >= c.dailyMax()) {
        continue;
      }
      for (ScheduleRepository.Window w : windows(c, day, calendar, overrides)) {
        ZonedDateTime start = day.atTime(w.starts()).atZone(SchoolTime.ZONE);
        ZonedDateTime close = day.atTime(w.ends()).atZone(SchoolTime.ZONE);
        for (; !start.plus(session).isAfter(close); start = start.plus(step)) {
          Slot slot = new Slot(c.personId(), start.toInstant(), start.plus(session).toInstant());
          if (slot.start().isBefore(earliest) || heldForOthers.contains(slot.ref())) {
            continue;
          }
          List<Long> needed =
              BookingRepository.blocks(slot.start(), slot.end().plus(step.minus(session)));
          if (needed.stream().noneMatch(held::contains)) {
            slots.add(slot);
          }
        }
      }
    }
    return slots;
  }

  private List<ScheduleRepository.Window> windows(
      Counselor c, LocalDate day, List<ScheduleRepository.Period> calendar) {
    return windows(c, day, calendar, schedule.overrides(c.personId(), day, day));
  }

  /** The working windows of a day: none on holidays and outside terms, else override or week. */
  private List<ScheduleRepository.Window> windows(
      Counselor c,
      LocalDate day,
      List<ScheduleRepository.Period> calendar,
      List<ScheduleRepository.Override> overrides) {
    boolean termsKnown = calendar.stream().anyMatch(p -> p.kind().equals("TERM"));
    boolean inTerm = calendar.stream().anyMatch(p -> p.kind().equals("TERM") && p.contains(day));
    boolean holiday =
        calendar.stream().anyMatch(p -> p.kind().equals("HOLIDAY") && p.contains(day));
    if (holiday || (termsKnown && !inTerm)) {
      return List.of();
    }
    List<ScheduleRepository.Override> ofDay =
        overrides.stream().filter(o -> o.day().equals(day)).toList();
    if (!ofDay.isEmpty()) {
      return ofDay.stream()
          .map(ScheduleRepository.Override::window)
          .filter(w -> w != null)
          .toList();
    }
    return schedule.weekly(c.personId(), day.getDayOfWeek());
  }
}
