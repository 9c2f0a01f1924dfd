package org.xinqiao.appointment;

import java.time.Instant;

/**
 * A booked session. {@code note} is for counselors only.
 *
 * @param status BOOKED, CANCELLED, RESCHEDULED (replaced by a new booking), ATTENDED or NO_SHOW
 */
record Appointment(
    long id,
    long counselorId,
    long bookerId,
    Kind kind,
    Instant startsAt,
    Instant endsAt,
    String place,
    String status,
    String note,
    String cancelReason) {

  static final String BOOKED = "BOOKED";

  boolean live() {
    return BOOKED.equals(status);
  }

  String when() {
    return SchoolTime.span(startsAt, endsAt);
  }

  @Override
  public String toString() {
    return "Appointment[" + id + ", counselor=" + counselorId + ", " + status + "]";
  }
}
