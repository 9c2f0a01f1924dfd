package org.xinqiao.casework;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xinqiao.escalation.EscalationRaised;
import org.xinqiao.store.AuditLog;

/**
 * A new escalation from an account that already has an open case joins that case, in the raising
 * transaction, so the assigned counselor sees it on the case page.
 */
@Component
class EscalationJoinsCase {

  private final CaseRepository cases;
  private final CaseEntryRepository entries;
  private final AuditLog audit;
  private final Clock clock;

  EscalationJoinsCase(
      CaseRepository cases, CaseEntryRepository entries, AuditLog audit, Clock clock) {
    this.cases = cases;
    this.entries = entries;
    this.audit = audit;
    this.clock = clock;
  }

  @EventListener
  void on(EscalationRaised raised) {
    if (!raised.isNew()) {
      return;
    }
    for (long caseId : cases.unclosedAbout(raised.personId())) {
      if (entries.link(caseId, LinkKind.ESCALATION, raised.escalationId(), null, clock.instant())) {
        audit.append(
            "system", "case.linked", "case", "" + caseId, "ESCALATION=" + raised.escalationId());
      }
    }
  }
}
