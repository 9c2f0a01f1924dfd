package org.xinqiao.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event as stored.
 *
 * @param countsAsTraining attendance counts toward a teacher's yearly training target
 * @param wholeStaff a whole-staff training (the plan asks for at least two each term)
 * @param checkinCode the code shown at the event, upper case
 * @param createdBy who created it (null once that person deleted their data)
 */
record Event(
    long id,
    String title,
    EventKind kind,
    EventAudience audience,
    Instant startsAt,
    Instant endsAt,
    String place,
    int capacity,
    Instant signupDeadline,
    boolean countsAsTraining,
    boolean wholeStaff,
    boolean cancelled,
    String checkinCode,
    Long createdBy) {

  public String when() {
    return EventTime.span(startsAt, endsAt);
  }

  /** The check-in code works from the day the event starts to the day it ends. */
  boolean runsOn(LocalDate day) {
    return !day.isBefore(EventTime.day(startsAt)) && !day.isAfter(EventTime.day(endsAt));
  }

  boolean signupOpen(Instant now) {
    return !cancelled && now.isBefore(signupDeadline);
  }
}
