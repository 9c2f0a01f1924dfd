package org.xinqiao.casework;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinqiao.store.AuditLog;

/**
 * Casework's db-scheduler tasks: follow-up reminders (one-time, durable) and the nightly purge of
 * cases closed longer than {@code xinqiao.casework.retention} (03:10 school time, once across
 * instances).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseworkProperties.class)
class CaseworkTasks {

  private static final Logger log = LoggerFactory.getLogger(CaseworkTasks.class);

  static final String REMINDER = "case-followup-reminder";

  @Bean
  OneTimeTask<FollowupDue> caseFollowupReminderTask(
      ObjectProvider<CasePlan> plan, CaseworkProperties properties) {
    return Tasks.oneTime(REMINDER, FollowupDue.class)
        .onFailure(new FailureHandler.OnFailureRetryLater<>(properties.reminderRetry()))
        .execute(
            (instance, context) -> {
              try {
                plan.getObject().remind(instance.getData());
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new IllegalStateException("reminder " + instance.getId() + " failed", e);
              }
            });
  }

  @Bean
  RecurringTask<Void> caseRetentionPurge(
      CaseRepository cases, CaseworkProperties properties, AuditLog audit, Clock clock) {
    return Tasks.recurring(
            "case-retention-purge", Schedules.daily(clock.getZone(), LocalTime.of(3, 10)))
        .execute((instance, context) -> purge(cases, properties, audit, clock));
  }

  static int purge(
      CaseRepository cases, CaseworkProperties properties, AuditLog audit, Clock clock) {
    Instant cutoff = clock.instant().minus(properties.retention());
    int deleted = cases.purgeClosedBefore(cutoff);
    if (deleted > 0) {
      audit.append(
          "system", "case.purged", "case", "*", "closed before " + cutoff + ": " + deleted);
    }
    log.info("case retention purge: {} cases closed before {} deleted", deleted, cutoff);
    return deleted;
  }
}
