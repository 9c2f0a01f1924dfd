package org.xinqiao.appointment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person means by "下周二下午", "明天上午", "周五", "12月3日" or "12-03": a range of days and optionally
 * a part of the day. Weeks start on Monday, as in Chinese schools.
 */
record DayPhrase(LocalDate from, LocalDate to, Part part) {

  /** Part of the day; afternoon starts at noon. */
  enum Part {
    ANY,
    MORNING,
    AFTERNOON;

    boolean contains(LocalTime t) {
      return switch (this) {
        case ANY -> true;
        case MORNING -> t.isBefore(LocalTime.NOON);
        case AFTERNOON -> !t.isBefore(LocalTime.NOON);
      };
    }
  }

  private static final String DAYS = "一二三四五六日天";
  private static final Pattern WEEKDAY =
      Pattern.compile("(下下|下个?|这个?|本)?(?:周|星期|礼拜)([一二三四五六日天1-7])");
  private static final Pattern NEXT_WEEK = Pattern.compile("下个?(?:周|星期|礼拜)");
  private static final Pattern THIS_WEEK = Pattern.compile("(?:这个?|本)(?:周|星期|礼拜)");
  private static final Pattern MONTH_DAY =
      Pattern.compile("(\\d{1,2})\\s*[月/.-]\\s*(\\d{1,2})\\s*[日号]?");
  private static final Pattern DAY_ONLY = Pattern.compile("(\\d{1,2})\\s*[日号]");

  boolean pastFor(LocalDate today) {
    return to.isBefore(today);
  }

  /** Parses the phrase against today; empty when it names no day or part of day. */
  static Optional<DayPhrase> parse(String text, LocalDate today) {
    String t = text.replaceAll("\\s+", "");
    Part part =
        t.contains("上午") || t.contains("早上")
            ? Part.MORNING
            : t.contains("下午") || t.contains("中午") || t.contains("放学") ? Part.AFTERNOON : Part.ANY;
    LocalDate from = null;
    LocalDate to = null;
    Matcher md = MONTH_DAY.matcher(t);
    Matcher weekday = WEEKDAY.matcher(t);
    Matcher dayOnly = DAY_ONLY.matcher(t);
    if (t.contains("大后天")) {
      from = today.plusDays(3);
    } else if (t.contains("后天")) {
      from = today.plusDays(2);
    } else if (t.contains("明天") || t.contains("明日")) {
      from = today.plusDays(1);
    } else if (t.contains("今天") || t.contains("今日")) {
      from = today;
    } else if (weekday.find()) {
      LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      String which = weekday.group(1) == null ? "" : weekday.group(1);
      int weeks = which.startsWith("下下") ? 2 : which.startsWith("下") ? 1 : 0;
      char d = weekday.group(2).charAt(0);
      int dow = Character.isDigit(d) ? d - '0' : Math.min(DAYS.indexOf(d) + 1, 7);
      from = monday.plusWeeks(weeks).plusDays(dow - 1L);
      if (which.isEmpty() && from.isBefore(today)) {
        from = from.plusWeeks(1); // a bare "周一" said on Wednesday means the coming Monday
      }
    } else if (md.find()) {
      int month = Integer.parseInt(md.group(1));
      int day = Integer.parseInt(md.group(2));
      from = safeDate(today.getYear(), month, day);
      if (from != null && from.isBefore(today.minusMonths(6))) {
        from = safeDate(today.getYear() + 1, month, day); // "1月5日" said in December
      }
      if (from == null) {
        return Optional.empty();
      }
    } else if (dayOnly.find()) {
      from = safeDate(today.getYear(), today.getMonthValue(), Integer.parseInt(dayOnly.group(1)));
      if (from == null) {
        return Optional.empty();
      }
    } else if (NEXT_WEEK.matcher(t).find()) {
      from = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
      to = from.plusDays(6);
    } else if (THIS_WEEK.matcher(t).find()) {
      from = today;
      to = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }
    if (from == null && part == Part.ANY) {
      return Optional.empty();
    }
    return Optional.of(new DayPhrase(from, to == null ? from : to, part));
  }

  private static LocalDate safeDate(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
