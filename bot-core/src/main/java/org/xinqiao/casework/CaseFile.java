package org.xinqiao.casework;

import java.time.Instant;
import java.util.Set;

/**
 * A case (个案): what the counseling room knows about one pupil or family, under a pseudonymous
 * label. {@code subjectPersonId} is the WeChat account it came from (for an escalation), so later
 * escalations of the same account join it.
 */
record CaseFile(
    long id,
    String label,
    CaseStatus status,
    LinkKind openedVia,
    Long subjectPersonId,
    long openedBy,
    String openedByName,
    Instant openedAt,
    Instant closedAt,
    String closedByName,
    CaseOutcome outcome,
    String closingNote,
    Set<Long> assignees) {

  public boolean closed() {
    return status == CaseStatus.CLOSED;
  }

  public String statusLabel() {
    return status.label();
  }

  public String openedViaLabel() {
    return openedVia.label();
  }

  @Override
  public String toString() {
    return "CaseFile[" + id + ", " + status + "]";
  }
}
