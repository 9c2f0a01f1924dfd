package org.xinqiao.checkin;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes check-in results older than {@code xinqiao.checkin.retention}, every night at 03:10
 * school time, once across all instances (beside the message purge at 03:00). A result shared with
 * a counselor follows the same rule: casework that must keep it copies it into the case.
 */
@Configuration(proxyBeanMethods = false)
class CheckinRetention {

  private static final Logger log = LoggerFactory.getLogger(CheckinRetention.class);

  @Bean
  RecurringTask<Void> checkinRetentionPurge(
      ResultRepository results, CheckinProperties properties, Clock clock) {
    return Tasks.recurring(
            "checkin-retention-purge", Schedules.daily(clock.getZone(), LocalTime.of(3, 10)))
        .execute((instance, context) -> purge(results, properties, clock));
  }

  static int purge(ResultRepository results, CheckinProperties properties, Clock clock) {
    Instant cutoff = clock.instant().minus(properties.retention());
    int deleted = results.purgeBefore(cutoff);
    log.info("check-in retention purge: {} results older than {} deleted", deleted, cutoff);
    return deleted;
  }
}
