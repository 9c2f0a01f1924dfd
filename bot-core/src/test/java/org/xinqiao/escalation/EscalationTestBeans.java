package org.xinqiao.escalation;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.channels.MessageSender;
import org.xinqiao.conversation.SafetyScreen;

/**
 * Doubles for what other features provide: a MessageSender that records (or refuses), and a
 * SafetyScreen that raises escalations the way the lead's wiring will (inside the pipeline's
 * transaction).
 */
@TestConfiguration(proxyBeanMethods = false)
public class EscalationTestBeans {

  /** Records customer-service messages; refuses openids listed in {@link #refuse}. */
  public static final class RecordingSender implements MessageSender {
    record Sent(String openid, String text) {}

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final Set<String> refuse = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public void sendText(String userId, String text) throws ChannelException {
      if (refuse.contains(userId)) {
        throw new ChannelException(45015, "out of window");
      }
      sent.add(new Sent(userId, text));
    }

    public List<String> to(String openid) {
      return sent.stream().filter(s -> s.openid().equals(openid)).map(Sent::text).toList();
    }
  }

  @Bean
  @Primary
  @Qualifier("wechat")
  RecordingSender recordingSender() {
    return new RecordingSender();
  }

  // stands in for the real SafetyResponder so these tests do not depend on the lexicon
  @Bean
  @Primary
  SafetyScreen testSafetyScreen(Escalations escalations) {
    return turn -> {
      String t = turn.text();
      if (t.contains("楼顶")) {
        escalations.raise(turn, Urgency.IMMINENT, Set.of("suicide"));
        return SafetyScreen.SafetyOutcome.takeOver("SAFE-IMMINENT");
      }
      if (t.contains("不想活")) {
        escalations.raise(turn, Urgency.HIGH, Set.of("suicide"));
        return SafetyScreen.SafetyOutcome.takeOver("SAFE-HIGH");
      }
      if (t.contains("摸她")) {
        escalations.raise(turn, Urgency.HIGH, Set.of("sexual_abuse"));
        return SafetyScreen.SafetyOutcome.takeOver("SAFE-ABUSE");
      }
      return SafetyScreen.SafetyOutcome.clear();
    };
  }
}
