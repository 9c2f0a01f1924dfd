package org.xinqiao.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What people type to narrow the times, read against Wednesday 2 December 2026. */
class DayPhraseTest {

  static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);

  private static DayPhrase parse(String text) {
    return DayPhrase.parse(text, WEDNESDAY).orElseThrow();
  }

  @Test
  void readsRelativeDaysAndParts() {
    assertThat(parse("明天上午"))
        .isEqualTo(
            new DayPhrase(WEDNESDAY.plusDays(1), WEDNESDAY.plusDays(1), DayPhrase.Part.MORNING));
    assertThat(parse("后天").from()).isEqualTo(WEDNESDAY.plusDays(2));
    assertThat(parse("下午").from()).isNull();
    assertThat(parse("下午").part().contains(LocalTime.of(15, 0))).isTrue();
    assertThat(parse("下午").part().contains(LocalTime.of(9, 0))).isFalse();
  }

  @Test
  void readsWeekdaysTheWayChineseSchoolsCountWeeks() {
    assertThat(parse("下周二下午").from()).isEqualTo(LocalDate.of(2026, 12, 8));
    assertThat(parse("下周二下午").part()).isEqualTo(DayPhrase.Part.AFTERNOON);
    assertThat(parse("周五").from()).isEqualTo(LocalDate.of(2026, 12, 4));
    assertThat(parse("星期一").from()).isEqualTo(LocalDate.of(2026, 12, 7)); // the coming Monday
    assertThat(parse("本周一").from()).isEqualTo(LocalDate.of(2026, 11, 30)); // already past
    assertThat(parse("本周一").pastFor(WEDNESDAY)).isTrue();
    assertThat(parse("下周"))
        .isEqualTo(
            new DayPhrase(
                LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 13), DayPhrase.Part.ANY));
  }

  @Test
  void readsDatesIncludingNextYearsJanuary() {
    assertThat(parse("12月10日").from()).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(parse("12-10").from()).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(parse("1月5号").from()).isEqualTo(LocalDate.of(2027, 1, 5));
    assertThat(parse("11月30日").pastFor(WEDNESDAY)).isTrue();
  }

  @Test
  void ignoresWhatNamesNoTime() {
    for (String text : List.of("你好", "3", "2月30日", "孩子不想上学")) {
      assertThat(DayPhrase.parse(text, WEDNESDAY)).as(text).isEmpty();
    }
  }

  @Test
  void dialogStateRoundTripsWithANoteContainingSeparators() {
    BookingState state =
        new BookingState(
            BookingState.Step.CONFIRM,
            Kind.REFERRAL,
            42,
            List.of("7@29400000", "7@29400060"),
            List.of(),
            WEDNESDAY,
            "三年级|2班, 小林");
    assertThat(BookingState.decode(state.encode())).isEqualTo(state);
  }
}
