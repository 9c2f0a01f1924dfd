package org.xinqiao.appointment;

import java.time.Instant;
import java.time.LocalDate;

/** A bookable time of one counselor: [start, end), the buffer after it not included. */
record Slot(long counselorId, Instant start, Instant end) {

  LocalDate day() {
    return start.atZone(SchoolTime.ZONE).toLocalDate();
  }

  /** A compact reference for dialog state: counselor and start minute; the end follows. */
  String ref() {
    return counselorId + "@" + start.getEpochSecond() / 60;
  }

  static long refCounselor(String ref) {
    return Long.parseLong(ref.substring(0, ref.indexOf('@')));
  }

  static Instant refStart(String ref) {
    return Instant.ofEpochSecond(Long.parseLong(ref.substring(ref.indexOf('@') + 1)) * 60);
  }
}
