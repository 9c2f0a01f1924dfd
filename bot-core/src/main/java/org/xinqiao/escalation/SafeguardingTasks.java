package org.xinqiao.escalation;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mandatory-report pages and decision deadlines as db-scheduler one-time tasks: stored with the
 * escalation, they survive a restart and run once across instances.
 */
@Configuration(proxyBeanMethods = false)
class SafeguardingTasks {

  static final String PAGE = "safeguarding-page";
  static final String DEADLINE = "safeguarding-decision-deadline";

  @Bean
  OneTimeTask<SafeguardingOrder> safeguardingPageTask(
      ObjectProvider<SafeguardingPaging> paging, EscalationProperties properties) {
    return Tasks.oneTime(PAGE, SafeguardingOrder.class)
        .onFailure(new CappedBackoff<>(properties.retry().first(), properties.retry().max()))
        .execute((instance, context) -> deliver(paging.getObject(), instance.getData()));
  }

  @Bean
  OneTimeTask<SafeguardingOrder> safeguardingDeadlineTask(
      ObjectProvider<SafeguardingPaging> paging, EscalationProperties properties) {
    return Tasks.oneTime(DEADLINE, SafeguardingOrder.class)
        .onFailure(new CappedBackoff<>(properties.retry().first(), properties.retry().max()))
        .execute((instance, context) -> paging.getObject().deadlinePassed(instance.getData()));
  }

  private static void deliver(SafeguardingPaging paging, SafeguardingOrder order) {
    try {
      paging.deliver(order);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("safeguarding page " + order.instanceId() + " failed", e);
    }
  }
}
