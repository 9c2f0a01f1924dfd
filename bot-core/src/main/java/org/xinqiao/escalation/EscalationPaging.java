package org.xinqiao.escalation;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.conversation.Texts;
import org.xinqiao.people.Role;
import org.xinqiao.store.AuditLog;
import org.xinqiao.store.ExpectedTaskFailure;

/**
 * Pages the on-call chain through the outbox and climbs it while nobody acknowledges: each step
 * writes its pages and the next deadline as db-scheduler tasks in the caller's transaction.
 */
@Component
class EscalationPaging {

  private static final Logger log = LoggerFactory.getLogger(EscalationPaging.class);

  private final SchedulerClient scheduler;
  private final EscalationRepository escalations;
  private final PageRepository pages;
  private final OnCallRota rota;
  private final PagerConfiguration.Pagers pagers;
  private final EscalationProperties properties;
  private final Texts texts;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  EscalationPaging(
      SchedulerClient scheduler,
      EscalationRepository escalations,
      PageRepository pages,
      OnCallRota rota,
      PagerConfiguration.Pagers pagers,
      EscalationProperties properties,
      Texts texts,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock) {
    this.scheduler = scheduler;
    this.escalations = escalations;
    this.pages = pages;
    this.rota = rota;
    this.pagers = pagers;
    this.properties = properties;
    this.texts = texts;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** Writes one step's pages and the deadline for the next step; call inside a transaction. */
  void pageStep(Escalation e, int step) {
    Instant now = clock.instant();
    OnCallRota.Step who = rota.step(step, now);
    int ordered = 0;
    for (Pager pager : pagers.all()) {
      if (pager.group()) {
        if (step == 0 || who.wholeTeam()) {
          ordered += order(new PageOrder(e.id(), step, pager.channel(), Counselor.TEAM), now);
        }
        continue;
      }
      for (Counselor c : who.counselors()) {
        if (pager.reaches(c)) {
          ordered += order(new PageOrder(e.id(), step, pager.channel(), c.key()), now);
        }
      }
    }
    if (ordered == 0) {
      log.error("escalation {} step {}: no enabled channel reaches anyone on call", e.id(), step);
      audit.append("system", "escalation.page.unreachable", "escalation", id(e), "step=" + step);
    }
    AckDeadline next = new AckDeadline(e.id(), step + 1);
    scheduler.scheduleIfNotExists(
        new TaskInstance<>(EscalationTasks.DEADLINE, next.instanceId(), next),
        now.plus(properties.ackTimeout().of(e.urgency())));
  }

  private int order(PageOrder order, Instant now) {
    if (!pages.insertIfAbsent(order, now)) {
      return 0; // a re-run of the same step (a dead execution revived): already in the outbox
    }
    scheduler.scheduleIfNotExists(
        new TaskInstance<>(EscalationTasks.PAGE, order.instanceId(), order), now);
    return 1;
  }

  /** Runs a page from the outbox; throws so db-scheduler retries with back-off. */
  void deliver(PageOrder order) {
    Escalation e = escalations.find(order.escalationId()).orElse(null);
    if (e == null || e.status() != EscalationStatus.OPEN) {
      pages.finish(order, "SKIPPED", clock.instant());
      return;
    }
    Counselor to =
        Counselor.TEAM.equals(order.recipient())
            ? new Counselor(Counselor.TEAM, "全体", null, null, null)
            : rota.find(order.recipient()).orElse(null);
    Pager pager =
        pagers.all().stream()
            .filter(p -> p.channel().equals(order.channel()))
            .findFirst()
            .orElse(null);
    if (to == null || pager == null) {
      pages.fail(order, "recipient or channel no longer configured", clock.instant());
      audit.append("system", "escalation.page.dropped", "escalation", id(e), describe(order));
      return;
    }
    try {
      pager.send(to, pageText(e));
    } catch (Exception failed) {
      String reason = failed.getClass().getSimpleName() + ": " + failed.getMessage();
      pages.fail(order, reason, clock.instant());
      audit.append(
          "system", "escalation.page.failed", "escalation", id(e), describe(order) + " " + reason);
      if (failed instanceof ChannelException refused
          && (refused.outsideWindow() || refused.quotaUsed())) {
        // expected on WeChat until the counselor writes again: one line, retried, no trace
        log.warn(
            "escalation {} page via {} to {} refused by WeChat: errcode {}",
            e.id(),
            order.channel(),
            pseudonym(to),
            refused.code());
        throw new PageRefused(order, refused.code());
      }
      log.warn("escalation {} page via {} failed: {}", e.id(), order.channel(), reason);
      throw new PageFailed(order, failed);
    }
    pages.finish(order, "SENT", clock.instant());
    audit.append("system", "escalation.paged", "escalation", id(e), describe(order));
  }

  /** Nobody acknowledged in time: page the next step of the chain (same transaction for both). */
  void deadlinePassed(AckDeadline deadline) {
    tx.executeWithoutResult(
        status -> {
          Escalation e = escalations.find(deadline.escalationId()).orElse(null);
          if (e == null || e.status() != EscalationStatus.OPEN) {
            return;
          }
          audit.append(
              "system",
              "escalation.unacknowledged",
              "escalation",
              id(e),
              "next step=" + deadline.step());
          pageStep(e, deadline.step());
        });
  }

  /** The urgency rose: do not wait for the running deadline, page the next step now. */
  void hurry(Escalation e) {
    scheduler.getScheduledExecutionsForTask(EscalationTasks.DEADLINE, AckDeadline.class).stream()
        .filter(x -> x.getData().escalationId() == e.id() && !x.isPicked())
        .forEach(x -> scheduler.reschedule(x.getTaskInstance(), clock.instant()));
  }

  /**
   * An acknowledged escalation became more urgent: page the on-call chain again from its first
   * person (a new round of steps, so the outbox's once-per-step rule does not swallow it), with the
   * acknowledgement deadline of the new level. Call inside a transaction, after reopening.
   */
  void pageAgain(Escalation e) {
    int cycle = rota.onCall(clock.instant()).size() + 1;
    int step = (Math.floorDiv(pages.lastStep(e.id()), cycle) + 1) * cycle;
    pageStep(e, step);
  }

  String pageText(Escalation e) {
    String categories = e.categoryLabels() + (e.mandatoryReport() ? "，可能需依法强制报告" : "");
    return texts.format(
        "escalation-page",
        Map.of(
            "id", e.id(),
            "urgency", e.urgency().label(),
            "categories", categories,
            "role", Role.valueOf(e.personRole()).label()));
  }

  private static String describe(PageOrder o) {
    return "step=" + o.step() + " channel=" + o.channel() + " to=" + o.recipient();
  }

  private static String id(Escalation e) {
    return Long.toString(e.id());
  }

  /** A channel failed; db-scheduler reschedules the page. */
  static class PageFailed extends RuntimeException {
    PageFailed(PageOrder order, Throwable cause) {
      super("page " + order.instanceId() + " failed", cause);
    }

    private PageFailed(String message) {
      super(message, null, false, false);
    }
  }

  /** WeChat refused as it does outside the 48-hour window or over quota: already logged. */
  static final class PageRefused extends PageFailed implements ExpectedTaskFailure {
    PageRefused(PageOrder order, int errcode) {
      super("page " + order.instanceId() + " refused: errcode " + errcode);
    }
  }

  /** How logs name a recipient: p&lt;id&gt; for a person, else the rota key (a team or name). */
  private static String pseudonym(Counselor c) {
    return c.personId() != null ? "p" + c.personId() : c.key();
  }
}
