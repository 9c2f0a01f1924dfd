package org.xinqiao.conversation;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinqiao.store.RetentionPurges;
import org.xinqiao.store.RetentionRule;

/**
 * Message bodies are kept for {@code xinqiao.conversation.message-retention}, then deleted by the
 * nightly retention purge ({@link RetentionPurges}). Escalations keep their own transcript copy:
 * safeguarding records follow their own period ({@code xinqiao.retention.escalation-transcripts}).
 */
@Configuration(proxyBeanMethods = false)
class RetentionPurge {

  @Bean
  RetentionRule messageRetention(MessageLog messages, ConversationProperties properties) {
    return RetentionPurges.rule("message", properties.messageRetention(), messages::purgeBefore);
  }

  static int purge(MessageLog messages, ConversationProperties properties, Clock clock) {
    Instant cutoff = clock.instant().minus(properties.messageRetention());
    return messages.purgeBefore(cutoff);
  }
}
