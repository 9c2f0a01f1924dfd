package org.xinqiao.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The store beans as the application wires them: DataSource, Flyway, audit log, scheduler. */
class StoreWiringTest {

  @TempDir Path dataDir;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                FlywayAutoConfiguration.class,
                JdbcTemplateAutoConfiguration.class,
                JdbcClientAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class,
                TransactionAutoConfiguration.class))
        .withUserConfiguration(
            DataSourceConfiguration.class, SchedulerConfiguration.class, AuditLog.class)
        .withPropertyValues(
            "xinqiao.db.data-dir=" + dataDir.resolve("data"),
            "xinqiao.scheduler.polling-interval=100ms");
  }

  @Test
  void withoutAUrlUsesAMigratedH2FileDatabaseInTheDataDirectory() {
    runner()
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              HikariDataSource dataSource = context.getBean(HikariDataSource.class);
              assertThat(dataSource.getJdbcUrl())
                  .startsWith("jdbc:h2:file:" + dataDir.resolve("data"))
                  .contains("MODE=PostgreSQL");
              assertThat(Files.isDirectory(dataDir.resolve("data"))).isTrue();
              JdbcClient jdbc = context.getBean(JdbcClient.class);
              assertThat(
                      jdbc.sql("SELECT MAX(version) FROM flyway_schema_history WHERE success")
                          .query(String.class)
                          .single())
                  .isNotNull();
              context.getBean(AuditLog.class).append("system", "test", "user", "1", null);
              assertThat(context.getBean(AuditLog.class).recentBySubject("user", "1", 5))
                  .hasSize(1);
            });
    assertThat(dataDir.resolve("data/xinqiao.mv.db")).exists();
  }

  @Test
  void startsRecurringTaskBeansAndRunsScheduledOneTimeTasks() {
    runner()
        .withUserConfiguration(CountingTasks.class)
        .run(
            context -> {
              CountingTasks tasks = context.getBean(CountingTasks.class);
              Scheduler scheduler = context.getBean(Scheduler.class);
              OneTimeTask<String> once = context.getBean("once", OneTimeTask.class);

              scheduler.scheduleIfNotExists(once.instance("a", "payload"), Instant.now());

              await().atMost(Duration.ofSeconds(20)).until(() -> tasks.recurringRuns.get() >= 2);
              await().atMost(Duration.ofSeconds(20)).until(() -> tasks.oneTimeRuns.get() == 1);
            });
  }

  @Test
  void schedulingJoinsTheCallersTransaction() {
    runner()
        .withUserConfiguration(CountingTasks.class)
        .withPropertyValues("xinqiao.scheduler.enabled=false")
        .run(
            context -> {
              Scheduler scheduler = context.getBean(Scheduler.class);
              OneTimeTask<String> once = context.getBean("once", OneTimeTask.class);
              TransactionTemplate tx = context.getBean(TransactionTemplate.class);
              JdbcClient jdbc = context.getBean(JdbcClient.class);

              tx.executeWithoutResult(
                  status -> {
                    scheduler.scheduleIfNotExists(
                        once.instance("rolled-back", "x"), Instant.now().plusSeconds(60));
                    status.setRollbackOnly();
                  });
              tx.executeWithoutResult(
                  status ->
                      scheduler.scheduleIfNotExists(
                          once.instance("committed", "x"), Instant.now().plusSeconds(60)));

              assertThat(
                      jdbc.sql("SELECT task_instance FROM scheduled_tasks WHERE task_name = 'once'")
                          .query(String.class)
                          .list())
                  .containsExactly("committed");
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class CountingTasks {
    final AtomicInteger recurringRuns = new AtomicInteger();
    final AtomicInteger oneTimeRuns = new AtomicInteger();

    @Bean
    RecurringTask<Void> heartbeat() {
      return Tasks.recurring("heartbeat", Schedules.fixedDelay(Duration.ofMillis(100)))
          .execute((instance, context) -> recurringRuns.incrementAndGet());
    }

    @Bean
    OneTimeTask<String> once() {
      return Tasks.oneTime("once", String.class)
          .execute((instance, context) -> oneTimeRuns.incrementAndGet());
    }
  }
}
