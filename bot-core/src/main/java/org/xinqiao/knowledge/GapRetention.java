package org.xinqiao.knowledge;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinqiao.conversation.ConversationProperties;

/**
 * Unanswered questions are parents' words too: they are deleted after the same {@code
 * xinqiao.conversation.message-retention} as message bodies, every night at 03:10 school time, once
 * across all instances (a db-scheduler recurring task).
 */
@Configuration(proxyBeanMethods = false)
class GapRetention {

  private static final Logger log = LoggerFactory.getLogger(GapRetention.class);

  @Bean
  RecurringTask<Void> knowledgeGapRetentionPurge(
      KnowledgeGaps gaps, ConversationProperties properties, Clock clock) {
    return Tasks.recurring(
            "kb-gap-retention-purge", Schedules.daily(clock.getZone(), LocalTime.of(3, 10)))
        .execute((instance, context) -> purge(gaps, properties, clock));
  }

  static int purge(KnowledgeGaps gaps, ConversationProperties properties, Clock clock) {
    Instant cutoff = clock.instant().minus(properties.messageRetention());
    int deleted = gaps.purgeBefore(cutoff);
    log.info("retention purge: {} unanswered questions older than {} deleted", deleted, cutoff);
    return deleted;
  }
}
