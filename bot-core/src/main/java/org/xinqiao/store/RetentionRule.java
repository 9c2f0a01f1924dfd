package org.xinqiao.store;

import java.time.Duration;
import java.time.Instant;

/**
 * How long one table's personal data is kept. Every feature whose table holds personal data
 * registers one bean; {@link RetentionPurges} applies them all nightly and records what each
 * deleted in {@code purge_log} for the yearly data audit.
 */
public interface RetentionRule {

  /** The table the rule deletes from, as the audit names it. */
  String table();

  /** How long rows are kept. */
  Duration period();

  /** Deletes the rows older than {@code cutoff}; returns how many. */
  int purgeBefore(Instant cutoff);
}
