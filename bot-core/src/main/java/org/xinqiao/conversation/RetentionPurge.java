package org.xinqiao.conversation;

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
import org.xinqiao.people.People;

/**
 * Deletes message bodies older than {@code xinqiao.conversation.message-retention}, every night at
 * 03:00 school time, once across all instances (a db-scheduler recurring task). Escalations keep
 * their own transcript copy: safeguarding records follow the school's rules, not this setting. The
 * same run deletes the contacts kept for safeguarding cases that have closed since (normally
 * deleted at close already).
 */
@Configuration(proxyBeanMethods = false)
class RetentionPurge {

  private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

  @Bean
  RecurringTask<Void> messageRetentionPurge(
      MessageLog messages, ConversationProperties properties, Clock clock, People people) {
    return Tasks.recurring(
            "message-retention-purge", Schedules.daily(clock.getZone(), LocalTime.of(3, 0)))
        .execute(
            (instance, context) -> {
              purge(messages, properties, clock);
              log.info("retention purge: {} kept contacts released", people.releaseKeptContacts());
            });
  }

  static int purge(MessageLog messages, ConversationProperties properties, Clock clock) {
    Instant cutoff = clock.instant().minus(properties.messageRetention());
    int deleted = messages.purgeBefore(cutoff);
    log.info("retention purge: {} messages older than {} deleted", deleted, cutoff);
    return deleted;
  }
}
