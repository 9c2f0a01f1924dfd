package org.xinqiao.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A school year, 1 September to 31 August, and its two terms: autumn from 1 September, spring from
 * the first of {@code springTermMonth}.
 */
record SchoolYear(LocalDate start, LocalDate springStart) {

  static SchoolYear of(LocalDate day, int springTermMonth) {
    int year = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
    return new SchoolYear(LocalDate.of(year, 9, 1), LocalDate.of(year + 1, springTermMonth, 1));
  }

  LocalDate end() {
    return start.plusYears(1);
  }

  /** The term containing the day: [from, to). */
  Term termOf(LocalDate day) {
    return day.isBefore(springStart)
        ? new Term("上学期", start, springStart)
        : new Term("下学期", springStart, end());
  }

  /** "2026-2027学年". */
  public String label() {
    return start.getYear() + "-" + (start.getYear() + 1) + "学年";
  }

  Instant from() {
    return start.atStartOfDay(EventTime.ZONE).toInstant();
  }

  Instant to() {
    return end().atStartOfDay(EventTime.ZONE).toInstant();
  }

  /** A term: [from, to) in school days. */
  record Term(String name, LocalDate first, LocalDate end) {
    boolean contains(Instant at) {
      LocalDate d = EventTime.day(at);
      return !d.isBefore(first) && d.isBefore(end);
    }

    Instant from() {
      return first.atStartOfDay(EventTime.ZONE).toInstant();
    }

    Instant to() {
      return end.atStartOfDay(EventTime.ZONE).toInstant();
    }
  }
}
