package org.xinqiao.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The days a report covers, both inclusive, in school time; {@link #start()} and {@link #end()} are
 * the instants that bound them (end exclusive).
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

  public ReportPeriod {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the report period ends before it starts");
    }
  }

  public static ReportPeriod year(int year, ZoneId zone) {
    return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), zone);
  }

  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  @Override
  public String toString() {
    return from + " 至 " + to;
  }
}
