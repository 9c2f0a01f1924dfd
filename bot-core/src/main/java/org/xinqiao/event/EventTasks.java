package org.xinqiao.event;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.Serializable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable timers of events (db-scheduler): each runs once across every instance and survives a
 * restart.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventProperties.class)
class EventTasks {

  /** Reminds everyone with a seat (data: which event, which reminder, for which start). */
  static final TaskDescriptor<Reminder> REMIND =
      TaskDescriptor.of("event-reminder", Reminder.class);

  /** Ends a seat offer nobody took and offers the seat to the next person (data: sign-up id). */
  static final TaskDescriptor<Long> OFFER_EXPIRY =
      TaskDescriptor.of("event-offer-expiry", Long.class);

  /**
   * Task data of a reminder: ids only. {@code startEpochSecond} is the start it was planned for: a
   * moved event gets new reminders, and the old ones find the start changed and do nothing.
   */
  record Reminder(long eventId, boolean dayBefore, long startEpochSecond) implements Serializable {
    String instanceId() {
      return "e" + eventId + (dayBefore ? "-day-" : "-hour-") + startEpochSecond;
    }
  }

  @Bean
  OneTimeTask<Reminder> eventReminderTask(EventReminders reminders) {
    return Tasks.oneTime(REMIND).execute((instance, ctx) -> reminders.remind(instance.getData()));
  }

  @Bean
  OneTimeTask<Long> eventOfferExpiryTask(Signups signups) {
    return Tasks.oneTime(OFFER_EXPIRY)
        .execute((instance, ctx) -> signups.expireOffer(instance.getData()));
  }
}
