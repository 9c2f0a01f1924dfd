package org.xinqiao.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.xinqiao.checkin.SharedResults;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.store.AuditLog;

/**
 * Shared check-in results on a case: only what an owner chose to share (分享) can be linked, and a
 * case page shows a result as which check-in, when and the band, never the answers. Each look is
 * health data seen, so it is audited against the result as well as the case.
 */
@Component
class CaseCheckins {

  private final SharedResults shared;
  private final AuditLog audit;

  CaseCheckins(SharedResults shared, AuditLog audit) {
    this.shared = shared;
    this.audit = audit;
  }

  /**
   * What a case page shows.
   *
   * @param linked the linked results still held, by result id (one its owner deleted, or retention
   *     removed, is missing)
   * @param linkable what the case's WeChat account shared and the case does not link yet
   */
  record Shown(Map<Long, SharedResults.Summary> linked, List<SharedResults.Summary> linkable) {}

  /** A result nobody shared is not the counselors' to see, let alone to file. */
  boolean mayLink(long resultId) {
    return shared.find(resultId).isPresent();
  }

  Shown show(CaseFile c, List<CaseEntries.Link> links, StaffPrincipal staff) {
    Map<Long, SharedResults.Summary> linked = new LinkedHashMap<>();
    for (CaseEntries.Link l : links) {
      if (l.kind() == LinkKind.CHECKIN) {
        shared.find(l.refId()).ifPresent(r -> linked.put(r.id(), r));
      }
    }
    List<SharedResults.Summary> linkable =
        c.subjectPersonId() == null || c.closed()
            ? List.of()
            : shared.sharedBy(c.subjectPersonId()).stream()
                .filter(r -> !linked.containsKey(r.id()))
                .toList();
    String actor = CaseAccess.actor(staff);
    for (SharedResults.Summary r : linked.values()) {
      audit.append(
          actor,
          "checkin.shared.viewed",
          "checkin_result",
          Long.toString(r.id()),
          "case=" + c.id());
    }
    if (!linkable.isEmpty()) {
      audit.append(
          actor,
          "checkin.shared.listed",
          "checkin_result",
          "*",
          "case=" + c.id() + " results=" + linkable.size());
    }
    return new Shown(linked, linkable);
  }
}
