package org.xinqiao.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** School time (Asia/Shanghai) and the one unambiguous way to write it: "11月30日 周一 15:00-15:45". */
final class SchoolTime {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

  private SchoolTime() {}

  static String day(LocalDate day) {
    return day.getMonthValue() + "月" + day.getDayOfMonth() + "日 " + weekday(day);
  }

  static String weekday(LocalDate day) {
    return WEEKDAYS[day.getDayOfWeek().getValue() - 1];
  }

  static String hours(Instant start, Instant end) {
    return HOUR.format(start.atZone(ZONE)) + "-" + HOUR.format(end.atZone(ZONE));
  }

  /** "11月30日 周一 15:00-15:45". */
  static String span(Instant start, Instant end) {
    ZonedDateTime s = start.atZone(ZONE);
    return day(s.toLocalDate()) + " " + hours(start, end);
  }
}
