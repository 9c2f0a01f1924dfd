package org.xinqiao.appointment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Where a person is in the booking dialog, as a compact string kept by ActiveDialogs (shared
 * store), so the dialog survives a restart and continues on another instance: {@code
 * step|kind|rescheduleId|slotRefs|appointmentIds|waitDay|note}. The note is last, so it may contain
 * any character.
 */
record BookingState(
    Step step,
    Kind kind,
    long reschedule,
    List<String> refs,
    List<Long> ids,
    LocalDate waitDay,
    String note) {

  enum Step {
    KIND,
    NOTE,
    PICK,
    CONFIRM,
    MINE
  }

  static BookingState of(Step step, Kind kind) {
    return new BookingState(step, kind, 0, List.of(), List.of(), null, null);
  }

  BookingState with(Step s) {
    return new BookingState(s, kind, reschedule, refs, ids, waitDay, note);
  }

  BookingState withRefs(List<String> r, LocalDate wait) {
    return new BookingState(step, kind, reschedule, r, ids, wait, note);
  }

  BookingState withNote(String n) {
    return new BookingState(step, kind, reschedule, refs, ids, waitDay, n);
  }

  String encode() {
    return String.join(
        "|",
        step.name(),
        kind == null ? "-" : String.valueOf(kind.code()),
        Long.toString(reschedule),
        String.join(",", refs),
        String.join(",", ids.stream().map(String::valueOf).toList()),
        waitDay == null ? "-" : waitDay.toString(),
        note == null ? "" : note);
  }

  static BookingState decode(String s) {
    String[] f = s.split("\\|", 7);
    if (f.length < 7) {
      throw new IllegalArgumentException("bad booking state");
    }
    return new BookingState(
        Step.valueOf(f[0]),
        f[1].equals("-") ? null : Kind.ofCode(f[1].charAt(0)),
        Long.parseLong(f[2]),
        f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split(",")),
        f[4].isEmpty() ? List.of() : Arrays.stream(f[4].split(",")).map(Long::valueOf).toList(),
        f[5].equals("-") ? null : LocalDate.parse(f[5]),
        f[6].isEmpty() ? null : f[6]);
  }
}
