package org.xinqiao.store;

import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs failed task runs in db-scheduler's place: an unexpected failure with its stack trace (a bug
 * to look at), an {@link ExpectedTaskFailure} not at all, because the feature logged it in one line
 * and a 25-line trace for a closed WeChat window would drown the real problems.
 */
final class TaskFailureLog extends AbstractSchedulerListener {

  private static final Logger log = LoggerFactory.getLogger(TaskFailureLog.class);

  @Override
  public void onExecutionComplete(ExecutionComplete done) {
    if (done.getResult() != ExecutionComplete.Result.FAILED) {
      return;
    }
    Throwable cause = done.getCause().orElse(null);
    if (expected(cause)) {
      return;
    }
    log.warn(
        "Task {} {} failed; it is retried by its failure handler",
        done.getExecution().taskInstance.getTaskName(),
        done.getExecution().taskInstance.getId(),
        cause);
  }

  static boolean expected(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof ExpectedTaskFailure) {
        return true;
      }
    }
    return false;
  }
}
