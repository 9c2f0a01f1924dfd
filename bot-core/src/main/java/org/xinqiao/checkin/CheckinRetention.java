package org.xinqiao.checkin;

import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.xinqiao.store.RetentionRule;

/**
 * Check-in results are deleted {@code xinqiao.checkin.retention} after they were taken, by the
 * nightly retention purge ({@link org.xinqiao.store.RetentionPurges}), which writes the count to
 * {@code purge_log}. A result shared with a counselor follows the same rule: casework that must
 * keep it copies it into the case.
 */
@Component
class CheckinRetention implements RetentionRule {

  private final ResultRepository results;
  private final CheckinProperties properties;

  CheckinRetention(ResultRepository results, CheckinProperties properties) {
    this.results = results;
    this.properties = properties;
  }

  @Override
  public String table() {
    return "checkin_result";
  }

  @Override
  public Duration period() {
    return properties.retention();
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    return results.purgeBefore(cutoff);
  }
}
