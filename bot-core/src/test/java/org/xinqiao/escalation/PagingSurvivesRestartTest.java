package org.xinqiao.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinqiao.people.Person;

/**
 * The process dies between receiving a distress message and paging: the context's scheduler never
 * runs (it is disabled here, as a killed process would be). A fresh scheduler instance on the same
 * database, as after a restart or on another instance, still sends the page.
 */
class PagingSurvivesRestartTest extends EscalationContext {

  @Autowired DataSource dataSource;
  @Autowired OneTimeTask<PageOrder> pageTask;
  @Autowired OneTimeTask<AckDeadline> deadlineTask;

  @Test
  void aPageCommittedBeforeACrashIsSentByTheNextSchedulerInstance() throws Exception {
    Person parent = parent();
    send(parent.openid(), "我在楼顶");
    Escalation e = escalationOf(parent);
    assertThat(sender.to("o_counselor_张老师")).noneMatch(t -> t.contains("#" + e.id() + "："));

    Scheduler restarted =
        Scheduler.create(dataSource, List.of(pageTask, deadlineTask))
            .pollingInterval(Duration.ofMillis(100))
            .threads(2)
            .build();
    restarted.start();
    try {
      waitUntil(
          () ->
              sender.to("o_counselor_张老师").stream().anyMatch(t -> t.contains("#" + e.id() + "：")));
    } finally {
      restarted.stop();
    }
    assertThat(
            jdbc.sql(
                    "select status from escalation_page where escalation_id = ? and channel = 'simulator'")
                .param(e.id())
                .query(String.class)
                .list())
        .containsExactly("SENT");
  }

  /** Waits for the asynchronous scheduler (up to a generous minute on a busy machine). */
  private static void waitUntil(java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("page not sent in time").isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
