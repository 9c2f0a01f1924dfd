package org.xinqiao.simulator;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.KnowledgeAnswerer;
import org.xinqiao.conversation.SafetyScreen;

/**
 * Stand-ins for the hand-over points other helpers are still building (safety, knowledge base), so
 * the real pipeline runs end to end behind the simulator. Replace them when those land on main.
 */
@TestConfiguration(proxyBeanMethods = false)
class SimulatorTestDoubles {

  @Bean
  SafetyScreen simulatorTestSafety() {
    return turn -> SafetyScreen.SafetyOutcome.clear();
  }

  @Bean
  KnowledgeAnswerer simulatorTestKnowledge() {
    return turn -> OutboundReply.text("知识库回答：" + turn.text());
  }
}
