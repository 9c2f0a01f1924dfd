package org.xinqiao.casework;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Casework's db-scheduler task: follow-up reminders (one-time, durable). Closed cases are purged by
 * the nightly retention purge ({@link CaseRetention}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseworkProperties.class)
class CaseworkTasks {

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
}
