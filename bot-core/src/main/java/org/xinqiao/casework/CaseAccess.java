package org.xinqiao.casework;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.people.Role;
import org.xinqiao.store.AuditLog;

/**
 * Who sees a case: the counselors assigned to it and every lead counselor (心理组长). Nobody else,
 * admins included: an admin runs the service, not the counseling. Every look, allowed or refused,
 * is in the audit log.
 */
@Component
class CaseAccess {

  private final CaseRepository cases;
  private final AuditLog audit;

  CaseAccess(CaseRepository cases, AuditLog audit) {
    this.cases = cases;
    this.audit = audit;
  }

  static boolean sees(CaseFile c, StaffPrincipal staff) {
    return staff.role() == Role.LEAD_COUNSELOR
        || (staff.role().counsels() && c.assignees().contains(staff.personId()));
  }

  /**
   * The case if {@code staff} may see it, audited as viewed; a refusal looks like "no such case".
   */
  Optional<CaseFile> view(long id, StaffPrincipal staff) {
    Optional<CaseFile> found = forChange(id, staff, "case.viewed");
    found.ifPresent(c -> audit.append(actor(staff), "case.viewed", "case", "" + id, null));
    return found;
  }

  /** The case if {@code staff} may see it; the caller audits the change it makes. */
  Optional<CaseFile> forChange(long id, StaffPrincipal staff, String action) {
    Optional<CaseFile> found = cases.find(id).filter(c -> sees(c, staff));
    if (found.isEmpty()) {
      audit.append(actor(staff), "case.access-denied", "case", Long.toString(id), action);
    }
    return found;
  }

  static String actor(StaffPrincipal staff) {
    return "staff:" + staff.personId();
  }
}
