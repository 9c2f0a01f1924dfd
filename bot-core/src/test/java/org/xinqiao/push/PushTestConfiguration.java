package org.xinqiao.push;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.xinqiao.channels.MessageSender;
import org.xinqiao.conversation.HumanHandoff;
import org.xinqiao.conversation.SafetyScreen;
import org.xinqiao.testsupport.MovableClock;

/** Fakes at the push's edges, and the pipeline's hand-over points until the real ones land. */
@TestConfiguration(proxyBeanMethods = false)
class PushTestConfiguration {

  /** Customer-service messages to admins, as (openid, text). */
  static class RecordingSender implements MessageSender {
    final List<String[]> sent = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sendText(String userId, String text) {
      sent.add(new String[] {userId, text});
    }
  }

  /** Primary over the WeChat adapter, which exists in every context. */
  @Bean
  @Primary
  FakeMassSender fakeMassSender() {
    return new FakeMassSender();
  }

  @Bean
  @Primary
  RecordingSender recordingSender() {
    return new RecordingSender();
  }

  @Bean
  @Primary
  MovableClock movableClock() {
    return MovableClock.atSchool(Instant.parse("2025-09-01T00:00:00Z"));
  }

  /** Primary so the real screen, once it lands, does not make the injection ambiguous. */
  @Bean
  @Primary
  SafetyScreen clearSafety() {
    return turn -> SafetyScreen.SafetyOutcome.clear();
  }

  @Bean
  HumanHandoff nobodyHolds() {
    return turn -> false;
  }
}
