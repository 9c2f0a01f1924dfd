package org.xinqiao.checkin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What counselors may see of check-ins: per check-in and per week or month, how many people took it
 * and how their latest result of the period fell into the bands. No cell under 5 is shown: such
 * cells read "<5"; when that leaves exactly one hidden cell in a row, the smallest shown cell is
 * hidden too (as "≥5"), or the total would give the hidden one away.
 */
final class Aggregates {

  static final int MIN_CELL = 5;
  static final String SMALL = "<5";
  static final String HIDDEN = "≥5";

  enum Period {
    WEEK,
    MONTH
  }

  record Row(String period, String participants, List<String> cells) {}

  record Table(String checkinId, String title, List<String> bands, List<Row> rows) {}

  private Aggregates() {}

  /** The first day of the oldest period shown, {@code count} periods back from {@code today}. */
  static LocalDate firstDay(Period period, LocalDate today, int count) {
    return period == Period.WEEK
        ? today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(count - 1L)
        : today.withDayOfMonth(1).minusMonths(count - 1L);
  }

  static List<Table> tables(
      Collection<Checkin> checkins,
      List<Result> results,
      Period period,
      LocalDate today,
      int count,
      ZoneId zone) {
    Function<LocalDate, LocalDate> start =
        period == Period.WEEK
            ? d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            : d -> d.withDayOfMonth(1);
    List<LocalDate> periods = new ArrayList<>();
    for (LocalDate d = firstDay(period, today, count); !d.isAfter(today); ) {
      periods.add(d);
      d = period == Period.WEEK ? d.plusWeeks(1) : d.plusMonths(1);
    }
    List<Table> tables = new ArrayList<>();
    for (Checkin c : checkins) {
      Map<LocalDate, List<Result>> byPeriod = new LinkedHashMap<>();
      for (Result r : results) {
        if (r.checkinId().equals(c.id())) {
          LocalDate p = start.apply(r.takenAt().atZone(zone).toLocalDate());
          byPeriod.computeIfAbsent(p, k -> new ArrayList<>()).add(r);
        }
      }
      List<Row> rows = new ArrayList<>();
      for (LocalDate p : newestFirst(periods)) {
        Collection<Result> people = latestOfEach(byPeriod.getOrDefault(p, List.of()));
        int[] counts = bandCounts(c, people);
        rows.add(new Row(label(period, p), cell(people.size()), suppress(people.size(), counts)));
      }
      tables.add(
          new Table(c.id(), c.title(), c.bands().stream().map(Checkin.Band::label).toList(), rows));
    }
    return tables;
  }

  /**
   * The latest result of each person among {@code results} (oldest first): a person who took a
   * check-in twice in a period counts once, with where they stood last.
   */
  static Collection<Result> latestOfEach(List<Result> results) {
    Map<Long, Result> latest = new LinkedHashMap<>();
    for (Result r : results) {
      latest.put(r.personId(), r);
    }
    return latest.values();
  }

  /** How many of {@code latest} fell into each of the check-in's bands, in its band order. */
  static int[] bandCounts(Checkin checkin, Collection<Result> latest) {
    int[] counts = new int[checkin.bands().size()];
    for (Result r : latest) {
      for (int b = 0; b < counts.length; b++) {
        if (checkin.bands().get(b).label().equals(r.bandLabel())) {
          counts[b]++;
        }
      }
    }
    return counts;
  }

  /** The band cells of one row as shown, given the row's total. */
  static List<String> suppress(int total, int[] counts) {
    List<String> shown = new ArrayList<>();
    int hidden = 0;
    for (int n : counts) {
      shown.add(total < MIN_CELL || n < MIN_CELL ? SMALL : Integer.toString(n));
      hidden += total < MIN_CELL || n < MIN_CELL ? 1 : 0;
    }
    if (hidden == 1 && total >= MIN_CELL) {
      int smallest = -1;
      for (int i = 0; i < counts.length; i++) {
        if (!shown.get(i).equals(SMALL) && (smallest < 0 || counts[i] < counts[smallest])) {
          smallest = i;
        }
      }
      if (smallest >= 0) {
        shown.set(smallest, HIDDEN);
      }
    }
    return shown;
  }

  private static List<LocalDate> newestFirst(List<LocalDate> periods) {
    List<LocalDate> copy = new ArrayList<>(periods);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static String cell(int n) {
    return n < MIN_CELL ? SMALL : Integer.toString(n);
  }

  private static String label(Period period, LocalDate start) {
    return period == Period.WEEK
        ? start.getMonthValue() + "月" + start.getDayOfMonth() + "日起的一周"
        : YearMonth.from(start).getYear() + "年" + start.getMonthValue() + "月";
  }
}
