package org.xinqiao.escalation;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;

/**
 * Retries forever, doubling the wait from {@code first} up to {@code max}: a page is never given up
 * while its escalation is open (db-scheduler's own exponential handler has no ceiling, so after a
 * long outage it would wait for weeks).
 */
final class CappedBackoff<T> implements FailureHandler<T> {

  private final Duration first;
  private final Duration max;

  CappedBackoff(Duration first, Duration max) {
    this.first = first;
    this.max = max;
  }

  Duration delayAfter(int failures) {
    int doublings = Math.min(Math.max(failures, 0), 30);
    Duration delay = first.multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }

  @Override
  public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
    int failures = complete.getExecution().consecutiveFailures;
    operations.reschedule(complete, complete.getTimeDone().plus(delayAfter(failures)));
  }
}
