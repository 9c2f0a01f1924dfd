package org.xinqiao.escalation;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinqiao.store.AuditLog;

/**
 * The mandatory-report path (强制报告) for escalations about harm to a minor: a decision must be
 * recorded before the escalation, or a case linked to it, can be closed. "Not required" needs a
 * second person's confirmation.
 */
@Service
public class MandatoryReports {

  private final EscalationRepository escalations;
  private final MandatoryReportRepository reports;
  private final AuditLog audit;
  private final Clock clock;

  MandatoryReports(
      EscalationRepository escalations,
      MandatoryReportRepository reports,
      AuditLog audit,
      Clock clock) {
    this.escalations = escalations;
    this.reports = reports;
    this.audit = audit;
    this.clock = clock;
  }

  /** What a member of staff filled in on the decision form. */
  public record Form(
      ReportDecision.Kind decision,
      ReportDecision.ReportedTo reportedTo,
      String reportedToOther,
      String reportedOn,
      String reference,
      String reason) {}

  /** Why a decision or confirmation was refused; null when it was recorded. */
  public enum Refusal {
    NOT_A_MANDATORY_REPORT("这条提醒不涉及强制报告。"),
    INCOMPLETE("请填写完整：已报告须写明向谁报告、时间和回执号；无需报告须写明理由。"),
    ALREADY_DECIDED("报告决定已经记录。"),
    NOTHING_TO_CONFIRM("没有待确认的“无需报告”决定。"),
    SAME_PERSON("“无需报告”必须由另一位老师确认，不能由作出决定的人自己确认。");

    private final String message;

    Refusal(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  public Optional<ReportDecision> decision(long escalationId) {
    return reports.find(escalationId);
  }

  /** True when the escalation needs no report decision, or it has been recorded. */
  public boolean mayClose(long escalationId) {
    boolean mandatory =
        escalations.find(escalationId).map(Escalation::mandatoryReport).orElse(false);
    return !mandatory || reports.find(escalationId).map(ReportDecision::recorded).orElse(false);
  }

  @Transactional
  public Optional<Refusal> decide(long escalationId, long staffId, String name, Form form) {
    if (!escalations.find(escalationId).map(Escalation::mandatoryReport).orElse(false)) {
      return Optional.of(Refusal.NOT_A_MANDATORY_REPORT);
    }
    Optional<Refusal> incomplete = validate(form);
    if (incomplete.isPresent()) {
      return incomplete;
    }
    boolean reported = form.decision() == ReportDecision.Kind.REPORTED;
    ReportDecision d =
        new ReportDecision(
            escalationId,
            form.decision(),
            reported ? form.reportedTo() : null,
            reported ? bounded(form.reportedToOther(), 100) : null,
            reported ? bounded(form.reportedOn(), 40) : null,
            reported ? bounded(form.reference(), 100) : null,
            reported ? null : bounded(form.reason(), 1000),
            staffId,
            name,
            clock.instant(),
            null,
            null,
            null);
    if (!reports.record(d)) {
      return Optional.of(Refusal.ALREADY_DECIDED);
    }
    // the audit line says what was decided and to whom, never the free-text reason
    audit.append(
        "staff:" + staffId,
        "mandatory-report.decided",
        "escalation",
        Long.toString(escalationId),
        form.decision() + (reported ? " to=" + form.reportedTo() : " awaiting-confirmation"));
    return Optional.empty();
  }

  @Transactional
  public Optional<Refusal> confirm(long escalationId, long staffId, String name) {
    Optional<ReportDecision> d = reports.find(escalationId);
    if (d.isEmpty() || !d.get().awaitsConfirmation()) {
      return Optional.of(Refusal.NOTHING_TO_CONFIRM);
    }
    if (d.get().decidedBy() == staffId) {
      return Optional.of(Refusal.SAME_PERSON);
    }
    if (!reports.confirm(escalationId, staffId, name, clock.instant())) {
      return Optional.of(Refusal.NOTHING_TO_CONFIRM);
    }
    audit.append(
        "staff:" + staffId,
        "mandatory-report.confirmed",
        "escalation",
        Long.toString(escalationId),
        "NOT_REQUIRED decided by staff:" + d.get().decidedBy());
    return Optional.empty();
  }

  private static Optional<Refusal> validate(Form f) {
    if (f.decision() == null) {
      return Optional.of(Refusal.INCOMPLETE);
    }
    boolean complete =
        f.decision() == ReportDecision.Kind.REPORTED
            ? f.reportedTo() != null
                && (f.reportedTo() != ReportDecision.ReportedTo.OTHER
                    || present(f.reportedToOther()))
                && present(f.reportedOn())
                && present(f.reference())
            : present(f.reason());
    return complete ? Optional.empty() : Optional.of(Refusal.INCOMPLETE);
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static String bounded(String s, int max) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.length() > max ? t.substring(0, max) : t;
  }
}
