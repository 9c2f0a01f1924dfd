package org.xinqiao.knowledge;

import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.xinqiao.conversation.ConversationProperties;
import org.xinqiao.store.RetentionProperties;
import org.xinqiao.store.RetentionRule;

/**
 * Unanswered questions are parents' words too: the one retention rule for {@code kb_gap}, applied
 * by the nightly retention purge ({@link org.xinqiao.store.RetentionPurges}, which writes the count
 * to {@code purge_log}). They are kept no longer than message bodies ({@code
 * xinqiao.conversation.message-retention}) and no longer than {@code
 * xinqiao.retention.unanswered-questions}: the shorter of the two settings wins, so shortening
 * either one is enough.
 */
@Component
class GapRetention implements RetentionRule {

  private final KnowledgeGaps gaps;
  private final Duration period;

  GapRetention(KnowledgeGaps gaps, ConversationProperties messages, RetentionProperties retention) {
    this.gaps = gaps;
    this.period = shorter(messages.messageRetention(), retention.unansweredQuestions());
  }

  static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public String table() {
    return "kb_gap";
  }

  @Override
  public Duration period() {
    return period;
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    return gaps.purgeBefore(cutoff);
  }
}
