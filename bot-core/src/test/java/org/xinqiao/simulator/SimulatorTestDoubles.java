package org.xinqiao.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.xinqiao.conversation.SafetyScreen;

/**
 * A stand-in for the safety hand-over point while the safety helper's screen is not on main, so the
 * real pipeline runs end to end behind the simulator. Backs off once a real screen exists.
 */
@TestConfiguration(proxyBeanMethods = false)
class SimulatorTestDoubles {

  @Bean
  @ConditionalOnMissingBean(SafetyScreen.class)
  SafetyScreen simulatorTestSafety() {
    return turn -> SafetyScreen.SafetyOutcome.clear();
  }
}
