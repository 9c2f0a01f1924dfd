package org.xinqiao.escalation;

import java.time.Instant;

/**
 * A mandatory-report decision on an escalation. REPORTED counts at once; NOT_REQUIRED counts only
 * once a second person ({@code confirmedBy}, never the one who decided) confirmed it.
 *
 * @param reportedTo for REPORTED: police, women's federation, education bureau, other
 * @param reportedOn for REPORTED: when, as the reporter wrote it (date and time)
 */
public record ReportDecision(
    long escalationId,
    Kind decision,
    ReportedTo reportedTo,
    String reportedToOther,
    String reportedOn,
    String reference,
    String reason,
    long decidedBy,
    String decidedByName,
    Instant decidedAt,
    Long confirmedBy,
    String confirmedByName,
    Instant confirmedAt) {

  public enum Kind {
    REPORTED("已报告"),
    NOT_REQUIRED("无需报告");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum ReportedTo {
    POLICE("公安（110）"),
    WOMENS_FEDERATION("妇联"),
    EDUCATION_BUREAU("教育局"),
    OTHER("其他");

    private final String label;

    ReportedTo(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Whether the escalation may now be closed. */
  public boolean recorded() {
    return decision == Kind.REPORTED || confirmedBy != null;
  }

  public boolean awaitsConfirmation() {
    return decision == Kind.NOT_REQUIRED && confirmedBy == null;
  }
}
