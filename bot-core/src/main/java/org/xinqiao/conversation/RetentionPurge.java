package org.xinqiao.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinqiao.people.People;
import org.xinqiao.store.RetentionPurges;
import org.xinqiao.store.RetentionRule;

/**
 * Message bodies are kept for {@code xinqiao.conversation.message-retention}, then deleted by the
 * nightly retention purge ({@link RetentionPurges}). Escalations keep their own transcript copy:
 * safeguarding records follow their own period ({@code xinqiao.retention.escalation-transcripts}).
 * The same run deletes the contacts kept for safeguarding cases that have closed since (normally
 * deleted at close already).
 */
@Configuration(proxyBeanMethods = false)
class RetentionPurge {

  @Bean
  RetentionRule messageRetention(MessageLog messages, ConversationProperties properties) {
    return RetentionPurges.rule("message", properties.messageRetention(), messages::purgeBefore);
  }

  @Bean
  RetentionRule keptContactRelease(People people) {
    return RetentionPurges.rule("person", Duration.ZERO, cutoff -> people.releaseKeptContacts());
  }

  static int purge(MessageLog messages, ConversationProperties properties, Clock clock) {
    Instant cutoff = clock.instant().minus(properties.messageRetention());
    return messages.purgeBefore(cutoff);
  }
}
