package org.xinqiao.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinqiao.knowledge.KnowledgeProperties;

/** Counselors' aggregates never show a count under 5, nor one that the others give away. */
class AggregatesTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Test
  void cellsUnderFiveAreShownAsLessThanFive() {
    assertThat(Aggregates.suppress(14, new int[] {5, 6, 3, 0}))
        .containsExactly("5", "6", "<5", "<5");
  }

  @Test
  void aLoneHiddenCellTakesTheSmallestShownCellWithIt() {
    // 7 and 3 of 10: showing the 7 would give the 3 away
    assertThat(Aggregates.suppress(10, new int[] {7, 3})).containsExactly("≥5", "<5");
    assertThat(Aggregates.suppress(20, new int[] {9, 6, 5, 0}))
        .containsExactly("9", "6", "≥5", "<5");
  }

  @Test
  void aPeriodWithFewerThanFivePeopleShowsNothing() {
    assertThat(Aggregates.suppress(4, new int[] {4, 0})).containsExactly("<5", "<5");
  }

  @Test
  void countsEachPersonsLatestResultOfTheWeekOnce() {
    Checkin stress =
        new CheckinCatalog(new KnowledgeProperties(null, Duration.ZERO))
            .find("stress-self-check")
            .orElseThrow();
    LocalDate today = LocalDate.of(2026, 12, 2); // a Wednesday
    Instant monday = today.minusDays(2).atTime(9, 0).atZone(ZONE).toInstant();
    List<Result> results = new ArrayList<>();
    for (long p = 1; p <= 6; p++) {
      // everyone first lands in the worrying band, then five of them take it again on Tuesday
      results.add(result(p, "压力较大", monday));
    }
    for (long p = 1; p <= 5; p++) {
      results.add(result(p, "压力不大", monday.plus(Duration.ofDays(1))));
    }

    Aggregates.Table table =
        Aggregates.tables(List.of(stress), results, Aggregates.Period.WEEK, today, 2, ZONE).get(0);

    assertThat(table.bands()).containsExactly("压力不大", "有些压力", "压力较大");
    assertThat(table.rows()).hasSize(2);
    Aggregates.Row thisWeek = table.rows().get(0);
    assertThat(thisWeek.period()).isEqualTo("11月30日起的一周");
    assertThat(thisWeek.participants()).isEqualTo("6");
    assertThat(thisWeek.cells()).containsExactly("5", "<5", "<5");
    assertThat(table.rows().get(1).participants()).isEqualTo("<5");
  }

  private static Result result(long person, String band, Instant at) {
    return new Result(
        0, person, "stress-self-check", true, 0, band, false, List.of(), at, null, null);
  }
}
