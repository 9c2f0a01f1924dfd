package org.xinqiao.testsupport;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.conversation.SafetyScreen;

/**
 * Doubles for the ports around features that send scheduled notices (appointments, events):
 * WeChat's customer-service API ({@link RecordingSender}), a quiet safety screen, and a {@link
 * MovableClock} set to a Monday 08:00 at least a week ahead, so lists are deterministic and no
 * reminder the tests schedule comes due by itself on the real scheduler. A feature's own test
 * configuration imports it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NoticeTestBeans {

  /** Monday 08:00 school time, at least a week after the real now. */
  public static final Instant MONDAY_8AM =
      LocalDate.now(MovableClock.SCHOOL_ZONE)
          .plusWeeks(1)
          .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
          .atTime(8, 0)
          .atZone(MovableClock.SCHOOL_ZONE)
          .toInstant();

  /** That Monday's date. */
  public static final LocalDate MONDAY = MONDAY_8AM.atZone(MovableClock.SCHOOL_ZONE).toLocalDate();

  @Bean
  @Primary
  MovableClock testClock() {
    return MovableClock.atSchool(MONDAY_8AM);
  }

  @Bean
  @Primary
  SafetyScreen quietSafetyScreen() {
    return turn -> SafetyScreen.SafetyOutcome.clear();
  }

  @Bean
  @Primary
  RecordingSender recordingSender(JdbcClient jdbc) {
    return new RecordingSender(jdbc);
  }
}
