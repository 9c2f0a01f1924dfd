package org.xinqiao.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real recurring task on real db-scheduler instances sharing one database: two instances at
 * once, then a restart, still send each audience's week exactly once.
 */
class PushSchedulingTest extends PushSpringTest {

  @Autowired DataSource dataSource;
  @Autowired RecurringTask<Void> weeklyPushTask;

  private final AtomicInteger checks = new AtomicInteger();

  @BeforeEach
  void schedulerTable() {
    // V2__platform.sql (stores) creates this on main; kept here so the test stands alone
    jdbc.sql(
            "create table if not exists scheduled_tasks (task_name text not null, task_instance"
                + " text not null, task_data bytea, execution_time timestamp with time zone not"
                + " null, picked boolean not null, picked_by text, last_success timestamp with"
                + " time zone, last_failure timestamp with time zone, consecutive_failures int,"
                + " last_heartbeat timestamp with time zone, version bigint not null, priority"
                + " smallint, primary key (task_name, task_instance))")
        .update();
    jdbc.sql("delete from scheduled_tasks").update();
  }

  @Test
  void twoInstancesAndARestartSendEachWeekOnce() throws Exception {
    at(3, 0, 19, 0);
    Scheduler first = start("first");
    Scheduler second = start("second");
    try {
      awaitChecks(6);
    } finally {
      first.stop();
      second.stop();
    }
    assertThat(wechat.deliveredClientMsgIds())
        .containsExactlyInAnyOrder("xq-20250901-w3-parent", "xq-20250901-w3-teacher");

    // restart: a new instance finds the durable schedule and the claimed runs
    int before = checks.get();
    Scheduler restarted = start("restarted");
    try {
      awaitChecks(before + 3);
    } finally {
      restarted.stop();
    }
    assertThat(wechat.sendCalls).hasSize(2);
    assertThat(
            jdbc.sql("select count(*) from scheduled_tasks where task_name = 'weekly-push'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  /** The production task's body, on a short delay, counting how often it ran. */
  private Scheduler start(String name) {
    RecurringTask<Void> counted =
        Tasks.recurring(
                PushTaskConfiguration.TASK_NAME, Schedules.fixedDelay(Duration.ofMillis(50)))
            .execute(
                (instance, context) -> {
                  weeklyPushTask.execute(instance, context);
                  checks.incrementAndGet();
                });
    Scheduler scheduler =
        Scheduler.create(dataSource, List.of())
            .startTasks(counted)
            .pollingInterval(Duration.ofMillis(50))
            .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(name))
            .threads(2)
            .build();
    scheduler.start();
    return scheduler;
  }

  /** Waits for the condition, not for a time: the deadline only stops a hung test. */
  private void awaitChecks(int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (checks.get() < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(checks.get()).isGreaterThanOrEqualTo(atLeast);
  }
}
