package org.xinqiao.store;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one retention mechanism: every night at 03:00 school time, once across all instances (a
 * db-scheduler recurring task), each {@link RetentionRule} deletes what is older than its period,
 * and the count goes to {@code purge_log}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionPurges {

  private static final Logger log = LoggerFactory.getLogger(RetentionPurges.class);

  @Bean
  RecurringTask<Void> nightlyRetentionPurge(
      List<RetentionRule> rules, JdbcClient jdbc, Clock clock) {
    return Tasks.recurring("retention-purge", Schedules.daily(clock.getZone(), LocalTime.of(3, 0)))
        .execute((instance, context) -> run(rules, jdbc, clock.instant()));
  }

  @Bean
  RetentionRule auditLogRetention(JdbcClient jdbc, RetentionProperties properties) {
    return rule(
        "audit_log",
        properties.auditLog(),
        cutoff ->
            jdbc.sql("delete from audit_log where at < ?").param(Timestamp.from(cutoff)).update());
  }

  /** Applies every rule at {@code now}; returns the rows deleted in all. */
  public static int run(List<RetentionRule> rules, JdbcClient jdbc, Instant now) {
    int all = 0;
    for (RetentionRule rule : rules) {
      int deleted = rule.purgeBefore(now.minus(rule.period()));
      jdbc.sql("insert into purge_log (purged_at, table_name, row_count) values (?, ?, ?)")
          .params(Timestamp.from(now), rule.table(), deleted)
          .update();
      log.info(
          "retention purge: {} rows of {} older than {}", deleted, rule.table(), rule.period());
      all += deleted;
    }
    return all;
  }

  /** A rule from its parts. */
  public static RetentionRule rule(
      String table, java.time.Duration period, java.util.function.ToIntFunction<Instant> purge) {
    return new RetentionRule() {
      @Override
      public String table() {
        return table;
      }

      @Override
      public java.time.Duration period() {
        return period;
      }

      @Override
      public int purgeBefore(Instant cutoff) {
        return purge.applyAsInt(cutoff);
      }
    };
  }
}
