package org.xinqiao.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** School time (Asia/Shanghai), written the way the rest of the bot writes it. */
final class EventTime {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

  private EventTime() {}

  static LocalDate day(Instant at) {
    return at.atZone(ZONE).toLocalDate();
  }

  static String day(LocalDate day) {
    return day.getMonthValue()
        + "月"
        + day.getDayOfMonth()
        + "日 "
        + WEEKDAYS[day.getDayOfWeek().getValue() - 1];
  }

  /** "12月3日 周四 15:00-16:30", or both days when it ends on another day. */
  static String span(Instant start, Instant end) {
    ZonedDateTime s = start.atZone(ZONE);
    ZonedDateTime e = end.atZone(ZONE);
    String first = day(s.toLocalDate()) + " " + HOUR.format(s);
    return s.toLocalDate().equals(e.toLocalDate())
        ? first + "-" + HOUR.format(e)
        : first + " 至 " + day(e.toLocalDate()) + " " + HOUR.format(e);
  }

  /** "12月3日 周四 15:00". */
  static String at(Instant at) {
    ZonedDateTime z = at.atZone(ZONE);
    return day(z.toLocalDate()) + " " + HOUR.format(z);
  }
}
