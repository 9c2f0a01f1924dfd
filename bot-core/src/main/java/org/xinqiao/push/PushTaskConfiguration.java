package org.xinqiao.push;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable recurring check behind the weekly push. db-scheduler keeps its next run in the
 * database, lets one instance at a time execute it, and runs an overdue check as soon as an
 * instance starts, which is what makes catch-up after downtime work.
 */
@Configuration(proxyBeanMethods = false)
class PushTaskConfiguration {

  static final String TASK_NAME = "weekly-push";

  @Bean
  RecurringTask<Void> weeklyPushTask(WeeklyPush push, PushProperties properties) {
    return task(push, properties);
  }

  static RecurringTask<Void> task(WeeklyPush push, PushProperties properties) {
    return Tasks.recurring(TASK_NAME, Schedules.fixedDelay(properties.checkEvery()))
        .execute((instance, context) -> push.check());
  }
}
