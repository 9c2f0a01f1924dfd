package org.xinqiao.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at startup, once, whether the simulator runs and why: an admin must not have to guess. */
@Component
class SimulatorStartupCheck {

  private static final Logger log = LoggerFactory.getLogger(SimulatorStartupCheck.class);

  private final Environment env;

  SimulatorStartupCheck(Environment env) {
    this.env = env;
  }

  @EventListener(ApplicationReadyEvent.class)
  void report() {
    boolean requested = env.getProperty("xinqiao.simulator.enabled", Boolean.class, false);
    ConditionOutcome outcome = SimulatorEnabled.decide(env);
    if (outcome.isMatch()) {
      if (SimulatorEnabled.besideRealAccount(env)) {
        log.warn(
            "Simulator is ON beside a real WeChat account (allow-with-real-account=true): only"
                + " admins signed in at the console can open it, and its personas are not staff");
      } else {
        log.info("Simulator is on: open the server's root page to chat with the bot");
      }
    } else if (requested) {
      log.warn("Simulator refused to start: {}", outcome.getMessage());
    }
  }
}
