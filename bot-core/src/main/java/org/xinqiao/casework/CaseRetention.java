package org.xinqiao.casework;

import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.xinqiao.store.AuditLog;
import org.xinqiao.store.RetentionRule;

/**
 * Cases closed longer than {@code xinqiao.casework.retention} ago are deleted with their notes,
 * links, plans and assignees by the nightly retention purge ({@link
 * org.xinqiao.store.RetentionPurges}), which writes the count to {@code purge_log} for the yearly
 * data audit. An open case is never purged, however old.
 */
@Component
class CaseRetention implements RetentionRule {

  private final CaseRepository cases;
  private final CaseworkProperties properties;
  private final AuditLog audit;

  CaseRetention(CaseRepository cases, CaseworkProperties properties, AuditLog audit) {
    this.cases = cases;
    this.properties = properties;
    this.audit = audit;
  }

  @Override
  public String table() {
    return "casework_case";
  }

  @Override
  public Duration period() {
    return properties.retention();
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    int deleted = cases.purgeClosedBefore(cutoff);
    if (deleted > 0) {
      audit.append(
          "system", "case.purged", "case", "*", "closed before " + cutoff + ": " + deleted);
    }
    return deleted;
  }
}
