package org.xinqiao.escalation;

import java.time.Instant;
import java.util.Set;

/**
 * A safeguarding record: someone's message showed a person in danger. Holds no message text; the
 * transcript is read separately, by a counselor.
 */
public record Escalation(
    long id,
    long personId,
    String personRole,
    long messageId,
    Urgency urgency,
    Set<String> categories,
    boolean mandatoryReport,
    EscalationStatus status,
    Instant createdAt,
    Long acknowledgedBy,
    String acknowledgedByName,
    Instant acknowledgedAt,
    String closedByName,
    Instant closedAt,
    Outcome outcome,
    String note) {

  public String categoryLabels() {
    return Categories.labels(categories);
  }

  public String urgencyLabel() {
    return urgency.label();
  }

  public String personRoleLabel() {
    return org.xinqiao.people.Role.valueOf(personRole).label();
  }

  public String statusLabel() {
    return status.label();
  }

  @Override
  public String toString() {
    return "Escalation[" + id + ", " + urgency + ", " + status + "]";
  }
}
