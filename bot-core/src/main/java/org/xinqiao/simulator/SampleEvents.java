package org.xinqiao.simulator;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.xinqiao.event.DemoEvents;

/**
 * In the embedded default a parent workshop and a staff training exist in the coming two weeks, so
 * "活动" shows something to sign up for. Never with a real account, not even when the simulator is
 * allowed beside one.
 */
@Component
@Conditional(SimulatorEnabled.class)
class SampleEvents {

  private final DemoEvents demoEvents;
  private final Environment env;

  SampleEvents(DemoEvents demoEvents, Environment env) {
    this.demoEvents = demoEvents;
    this.env = env;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    if (!SimulatorEnabled.besideRealAccount(env)) {
      demoEvents.ensure();
    }
  }
}
