package org.xinqiao.store;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the scheduler once the whole context is ready (so tasks find every bean and a migrated
 * schema) and stops it first on shutdown, waiting for running executions.
 */
final class SchedulerLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SchedulerLifecycle.class);

  private final Scheduler scheduler;
  private final boolean enabled;
  private volatile boolean running;

  SchedulerLifecycle(Scheduler scheduler, boolean enabled) {
    this.scheduler = scheduler;
    this.enabled = enabled;
  }

  @Override
  public synchronized void start() {
    if (!enabled) {
      log.info("Scheduler: disabled on this instance (xinqiao.scheduler.enabled=false)");
      return;
    }
    scheduler.start();
    running = true;
  }

  @Override
  public synchronized void stop() {
    if (running) {
      scheduler.stop();
      running = false;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
