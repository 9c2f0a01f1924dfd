package org.xinqiao.appointment;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.Serializable;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable timers of appointments, as db-scheduler one-time tasks: each instance runs once
 * across every instance of the bot, survives restarts, and a failed run is retried with backoff.
 */
@Configuration(proxyBeanMethods = false)
class NoticeTasks {

  /** Delivers one outbox notice (data: the notice id). */
  static final TaskDescriptor<Long> DELIVER = TaskDescriptor.of("appointment-notice", Long.class);

  /** Reminds the booker of a session (data: which appointment, which reminder). */
  static final TaskDescriptor<Reminder> REMIND =
      TaskDescriptor.of("appointment-reminder", Reminder.class);

  /** Ends a waitlist offer nobody took and offers the slot to the next person (data: entry id). */
  static final TaskDescriptor<Long> OFFER_EXPIRY =
      TaskDescriptor.of("appointment-offer-expiry", Long.class);

  /** Task data of a reminder: ids only, never message text. */
  record Reminder(long appointmentId, boolean dayBefore) implements Serializable {
    String instanceId() {
      return "a" + appointmentId + (dayBefore ? "-day" : "-hour");
    }
  }

  @Bean
  OneTimeTask<Long> appointmentNoticeTask(Notices notices) {
    return Tasks.oneTime(DELIVER)
        .onFailure(
            new FailureHandler.MaxRetriesFailureHandler<>(
                12, new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1))))
        .execute((instance, ctx) -> notices.deliver(instance.getData()));
  }

  @Bean
  OneTimeTask<Reminder> appointmentReminderTask(Reminders reminders) {
    return Tasks.oneTime(REMIND).execute((instance, ctx) -> reminders.remind(instance.getData()));
  }

  @Bean
  OneTimeTask<Long> appointmentOfferExpiryTask(Waitlist waitlist) {
    return Tasks.oneTime(OFFER_EXPIRY)
        .execute((instance, ctx) -> waitlist.expire(instance.getData()));
  }
}
