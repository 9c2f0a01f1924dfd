package org.xinqiao.escalation;

import org.springframework.stereotype.Component;
import org.xinqiao.people.SafeguardingHold;

/** While an escalation is not closed, its person stays reachable even after deleting their data. */
@Component
class OpenCaseKeepsContact implements SafeguardingHold {

  private final EscalationRepository escalations;

  OpenCaseKeepsContact(EscalationRepository escalations) {
    this.escalations = escalations;
  }

  @Override
  public boolean keepsContact(long personId) {
    return escalations.active(personId).isPresent();
  }
}
