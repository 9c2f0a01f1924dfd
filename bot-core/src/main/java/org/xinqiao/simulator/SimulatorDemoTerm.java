package org.xinqiao.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default has no school term, so 本周文章 would say there is no article. With the
 * simulator on its own fake account, and only when {@code xinqiao.push.term-start} is not set, the
 * term starts on the Monday {@value #WEEKS_INTO_TERM} weeks before this week (Asia/Shanghai): today
 * is always in term week {@value #WEEKS_INTO_TERM} + 1. Added last, so any configured value wins.
 */
class SimulatorDemoTerm implements EnvironmentPostProcessor, Ordered {

  static final int WEEKS_INTO_TERM = 2;
  static final String KEY = "xinqiao.push.term-start";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (env.containsProperty(KEY)
        || !SimulatorEnabled.decide(env).isMatch()
        || SimulatorEnabled.besideRealAccount(env)) {
      return;
    }
    env.getPropertySources()
        .addLast(
            new MapPropertySource(
                "simulatorDemoTerm",
                Map.of(KEY, termStart(LocalDate.now(ZoneId.of("Asia/Shanghai"))))));
  }

  static String termStart(LocalDate today) {
    return today
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .minusWeeks(WEEKS_INTO_TERM)
        .toString();
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // after application.yml and the command line are loaded
  }
}
