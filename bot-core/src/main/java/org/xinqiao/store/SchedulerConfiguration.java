package org.xinqiao.store;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * One db-scheduler {@link Scheduler} per instance, on the system-of-record database. It knows every
 * {@link Task} bean; recurring tasks (and other {@link OnStartup} tasks) schedule themselves when
 * it starts. It starts after Flyway migrated (and after every singleton is ready), and stops
 * gracefully before the DataSource closes.
 *
 * <p>A feature registers a task by declaring a bean, e.g. {@code @Bean OneTimeTask<AppointmentId>
 * reminder() { return Tasks.oneTime("appointment-reminder", AppointmentId.class).execute(...); }},
 * and schedules an instance through the {@code Scheduler} bean (a {@code SchedulerClient}): {@code
 * scheduler.scheduleIfNotExists(reminder.instance(id.toString(), id), when)}. Scheduling joins the
 * caller's Spring transaction. Task data is Java-serialised: keep it a small Serializable record of
 * ids, never message bodies.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerSettings.class)
class SchedulerConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  Scheduler scheduler(
      DataSource dataSource, ObjectProvider<Task<?>> tasks, SchedulerSettings settings) {
    return create(dataSource, tasks.orderedStream().toList(), settings);
  }

  @Bean
  SchedulerLifecycle schedulerLifecycle(Scheduler scheduler, SchedulerSettings settings) {
    return new SchedulerLifecycle(scheduler, settings.enabled());
  }

  /** Builds (does not start) a scheduler; shared with the tests that run two of them. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Scheduler create(DataSource dataSource, List<Task<?>> tasks, SchedulerSettings settings) {
    List<Task<?>> plain = tasks.stream().filter(t -> !(t instanceof OnStartup)).toList();
    List startup = tasks.stream().filter(t -> t instanceof OnStartup).toList();
    DataSource transactional =
        dataSource instanceof TransactionAwareDataSourceProxy
            ? dataSource
            : new TransactionAwareDataSourceProxy(dataSource);
    SchedulerBuilder builder =
        Scheduler.create(transactional, plain)
            .startTasks(startup)
            .pollingInterval(settings.pollingInterval())
            .threads(settings.threads())
            .shutdownMaxWait(settings.shutdownMaxWait())
            .heartbeatInterval(settings.heartbeatInterval())
            .missedHeartbeatsLimit(settings.missedHeartbeats())
            .tableName("scheduled_tasks")
            // failures are logged by TaskFailureLog: stack traces for bugs, nothing more for
            // refusals a feature expected and already logged in one line
            .failureLogging(LogLevel.OFF, false)
            .addSchedulerListener(new TaskFailureLog());
    return builder.build();
  }
}
