package org.xinqiao.checkin;

import java.time.LocalDate;

/**
 * How often one person may take a check-in, counted in school-calendar days so that "every Friday
 * afternoon" stays possible for a weekly one.
 */
enum Frequency {
  DAILY,
  WEEKLY,
  FORTNIGHTLY,
  MONTHLY,
  ANYTIME;

  /** The first day someone who last took it on {@code last} may take it again. */
  LocalDate nextAllowed(LocalDate last) {
    return switch (this) {
      case DAILY -> last.plusDays(1);
      case WEEKLY -> last.plusWeeks(1);
      case FORTNIGHTLY -> last.plusWeeks(2);
      case MONTHLY -> last.plusMonths(1);
      case ANYTIME -> last;
    };
  }

  String label() {
    return switch (this) {
      case DAILY -> "每天一次";
      case WEEKLY -> "每周一次";
      case FORTNIGHTLY -> "每两周一次";
      case MONTHLY -> "每月一次";
      case ANYTIME -> "随时";
    };
  }
}
