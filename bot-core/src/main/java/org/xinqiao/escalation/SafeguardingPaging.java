package org.xinqiao.escalation;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinqiao.conversation.Texts;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.xinqiao.store.AuditLog;

/**
 * Pages the safeguarding lead (保护负责人) about a possible mandatory report, at once and again at each
 * deadline until the report decision is recorded. Pages go only to staff with that role (or, when
 * none is enrolled, to the lead counselors): never to the family's account.
 */
@Component
class SafeguardingPaging {

  private static final Logger log = LoggerFactory.getLogger(SafeguardingPaging.class);

  private final SchedulerClient scheduler;
  private final EscalationRepository escalations;
  private final MandatoryReportRepository reports;
  private final StaffPager pager;
  private final People people;
  private final EscalationProperties properties;
  private final Texts texts;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  SafeguardingPaging(
      SchedulerClient scheduler,
      EscalationRepository escalations,
      MandatoryReportRepository reports,
      StaffPager pager,
      People people,
      EscalationProperties properties,
      Texts texts,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock) {
    this.scheduler = scheduler;
    this.escalations = escalations;
    this.reports = reports;
    this.pager = pager;
    this.people = people;
    this.properties = properties;
    this.texts = texts;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** Round {@code round}: a page to each lead now, and the next deadline; inside a transaction. */
  void pageRound(Escalation e, int round) {
    Instant now = clock.instant();
    List<Person> leads = leads(e);
    for (Person lead : leads) {
      SafeguardingOrder page = new SafeguardingOrder(e.id(), round, lead.id());
      scheduler.scheduleIfNotExists(
          new TaskInstance<>(SafeguardingTasks.PAGE, page.instanceId(), page), now);
    }
    EscalationProperties.MandatoryReport timing = properties.mandatoryReport();
    Duration wait = round == 0 ? timing.decisionDeadline() : timing.repageEvery();
    SafeguardingOrder deadline = new SafeguardingOrder(e.id(), round + 1, null);
    scheduler.scheduleIfNotExists(
        new TaskInstance<>(SafeguardingTasks.DEADLINE, deadline.instanceId(), deadline),
        now.plus(wait));
  }

  private List<Person> leads(Escalation e) {
    List<Person> leads = people.withRole(Role.SAFEGUARDING);
    if (!leads.isEmpty()) {
      return leads;
    }
    log.error("escalation {}: possible mandatory report but no safeguarding lead enrolled", e.id());
    audit.append("system", "safeguarding.no-lead", "escalation", Long.toString(e.id()), null);
    return people.withRole(Role.LEAD_COUNSELOR);
  }

  /** Runs one page; throws so db-scheduler retries with back-off. */
  void deliver(SafeguardingOrder order) throws Exception {
    Escalation e = escalations.find(order.escalationId()).orElse(null);
    if (e == null || decided(e.id())) {
      return;
    }
    String text =
        texts.format(
            order.round() == 0 ? "safeguarding-page" : "safeguarding-repage",
            Map.of(
                "id", e.id(),
                "categories", e.categoryLabels(),
                "role", e.personRoleLabel()));
    try {
      pager.page(order.personId(), text);
    } catch (Exception failed) {
      audit.append(
          "system",
          "safeguarding.page.failed",
          "escalation",
          Long.toString(e.id()),
          "round=" + order.round() + " to=p" + order.personId());
      log.warn("safeguarding page for escalation {} to p{} failed", e.id(), order.personId());
      throw failed;
    }
    audit.append(
        "system",
        "safeguarding.paged",
        "escalation",
        Long.toString(e.id()),
        "round=" + order.round() + " to=p" + order.personId());
  }

  /** The deadline passed: page again unless the decision was recorded meanwhile. */
  void deadlinePassed(SafeguardingOrder deadline) {
    tx.executeWithoutResult(
        status -> {
          Escalation e = escalations.find(deadline.escalationId()).orElse(null);
          if (e == null || decided(e.id())) {
            return;
          }
          audit.append(
              "system",
              "safeguarding.decision-overdue",
              "escalation",
              Long.toString(e.id()),
              "round=" + deadline.round());
          pageRound(e, deadline.round());
        });
  }

  private boolean decided(long escalationId) {
    return reports.find(escalationId).map(ReportDecision::recorded).orElse(false);
  }
}
