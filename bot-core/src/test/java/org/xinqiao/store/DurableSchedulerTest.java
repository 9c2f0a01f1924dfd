package org.xinqiao.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinqiao.testsupport.TestDatabase;

/** Durable timers fire once across instances and survive a restart, on H2 and PostgreSQL. */
@ParameterizedClass
@MethodSource("org.xinqiao.testsupport.TestDatabase#both")
class DurableSchedulerTest {

  private static final SchedulerSettings FAST =
      new SchedulerSettings(
          true, Duration.ofMillis(100), 4, Duration.ofSeconds(10), Duration.ofSeconds(10), 6);

  @Parameter TestDatabase db;

  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

  /** Tests share the class's database, so each test uses a task name of its own. */
  private final String taskName = "test-reminder-" + UUID.randomUUID();

  /** The same task as each bot instance would declare it. */
  private OneTimeTask<Void> reminderTask() {
    return Tasks.oneTime(taskName)
        .execute(
            (instance, context) ->
                runs.computeIfAbsent(instance.getId(), id -> new AtomicInteger())
                    .incrementAndGet());
  }

  private Scheduler newInstance(Task<?> task) {
    return SchedulerConfiguration.create(db.dataSource(), List.of(task), FAST);
  }

  private int pendingExecutions() {
    return db.jdbc()
        .sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?")
        .param(taskName)
        .query(Integer.class)
        .single();
  }

  @Test
  void eachExecutionRunsExactlyOnceWithTwoInstancesOnOneDatabase() {
    OneTimeTask<Void> onA = reminderTask();
    OneTimeTask<Void> onB = reminderTask();
    Scheduler a = newInstance(onA);
    Scheduler b = newInstance(onB);
    a.start();
    b.start();
    try {
      for (int i = 0; i < 40; i++) {
        (i % 2 == 0 ? a : b).scheduleIfNotExists(onA.instance("r" + i), Instant.now());
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(runs).hasSize(40);
                assertThat(pendingExecutions()).isZero();
              });
    } finally {
      a.stop();
      b.stop();
    }
    assertThat(runs).hasSize(40);
    assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
  }

  @Test
  void anExecutionScheduledBeforeARestartRunsAfterIt() {
    OneTimeTask<Void> task = reminderTask();
    Scheduler before = newInstance(task);
    before.start();
    before.scheduleIfNotExists(task.instance("after-restart"), Instant.now().plusSeconds(2));
    before.stop();
    assertThat(runs).as("not due before the restart").isEmpty();
    assertThat(pendingExecutions()).isOne();

    Scheduler after = newInstance(reminderTask());
    after.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> runs.containsKey("after-restart"));
    } finally {
      after.stop();
    }
    assertThat(runs.get("after-restart")).hasValue(1);
    assertThat(pendingExecutions()).isZero();
  }

  @Test
  void schedulingTheSameInstanceTwiceKeepsOneExecution() {
    OneTimeTask<Void> task = reminderTask();
    Scheduler client = newInstance(task);

    boolean first =
        client.scheduleIfNotExists(task.instance("once"), Instant.now().plusSeconds(60));
    boolean second =
        client.scheduleIfNotExists(task.instance("once"), Instant.now().plusSeconds(60));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(pendingExecutions()).isOne();
  }

  /**
   * An instance killed with kill -9 while running an execution leaves its row picked, with a
   * heartbeat that stops. With the shipped heartbeat settings (10 s, 6 missed) another instance
   * runs it again about a minute later, not after db-scheduler's default half hour.
   */
  @Test
  void anExecutionHeldByAKilledInstanceRunsOnAnotherWithinAboutAMinute() {
    OneTimeTask<Void> task = reminderTask();
    Scheduler client = newInstance(task);
    client.scheduleIfNotExists(task.instance("held-by-dead"), Instant.now().minusSeconds(90));
    // what the killed instance left behind: picked by it, last heartbeat 70 s ago
    db.jdbc()
        .sql(
            "UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'killed-instance',"
                + " last_heartbeat = ?, version = version + 1 WHERE task_name = ?")
        .params(java.sql.Timestamp.from(Instant.now().minusSeconds(70)), taskName)
        .update();

    // the shipped defaults (only polling faster, so the test does not wait for it)
    SchedulerSettings shipped =
        new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source
                    .MapConfigurationPropertySource(
                    Map.of("xinqiao.scheduler.polling-interval", "100ms")))
            .bind("xinqiao.scheduler", SchedulerSettings.class)
            .get();
    Scheduler survivor =
        SchedulerConfiguration.create(db.dataSource(), List.of(reminderTask()), shipped);
    survivor.start();
    try {
      await().atMost(Duration.ofSeconds(40)).until(() -> runs.containsKey("held-by-dead"));
    } finally {
      survivor.stop();
    }
    assertThat(runs.get("held-by-dead")).hasValue(1);
  }
}
