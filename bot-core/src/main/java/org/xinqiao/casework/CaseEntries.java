package org.xinqiao.casework;

import java.time.Instant;

/** What hangs under a case: dated notes, links and the follow-up plan. */
final class CaseEntries {

  private CaseEntries() {}

  record Note(long id, long authorId, String authorName, Instant writtenAt, String body) {}

  record Link(LinkKind kind, long refId, Instant linkedAt) {
    public String kindLabel() {
      return kind.label();
    }

    /** The console page of the linked record, where there is one. */
    public String href() {
      return switch (kind) {
        case ESCALATION -> "/console/escalations/" + refId;
        case APPOINTMENT, REFERRAL -> "/console/appointments";
        case CHECKIN -> "/console/checkins/shared/" + refId;
        case MANUAL -> null;
      };
    }
  }

  record Followup(long id, Instant dueAt, String what, Instant remindedAt, Instant doneAt) {
    public boolean done() {
      return doneAt != null;
    }
  }
}
