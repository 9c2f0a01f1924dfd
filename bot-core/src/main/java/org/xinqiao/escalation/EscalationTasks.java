package org.xinqiao.escalation;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox: each page and each acknowledgement deadline is a db-scheduler one-time task, stored
 * in the same transaction as the escalation, so it survives a restart and runs on one instance.
 */
@Configuration(proxyBeanMethods = false)
class EscalationTasks {

  static final String PAGE = "escalation-page";
  static final String DEADLINE = "escalation-ack-deadline";

  // the paging service needs the scheduler, which needs these tasks: resolve it when one runs
  @Bean
  OneTimeTask<PageOrder> escalationPageTask(
      ObjectProvider<EscalationPaging> paging, EscalationProperties properties) {
    return Tasks.oneTime(PAGE, PageOrder.class)
        .onFailure(new CappedBackoff<>(properties.retry().first(), properties.retry().max()))
        .execute((instance, context) -> paging.getObject().deliver(instance.getData()));
  }

  @Bean
  OneTimeTask<AckDeadline> escalationDeadlineTask(
      ObjectProvider<EscalationPaging> paging, EscalationProperties properties) {
    return Tasks.oneTime(DEADLINE, AckDeadline.class)
        .onFailure(new CappedBackoff<>(properties.retry().first(), properties.retry().max()))
        .execute((instance, context) -> paging.getObject().deadlinePassed(instance.getData()));
  }
}
