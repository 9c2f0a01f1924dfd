package org.xinqiao.store;

import java.time.Duration;

/** Checks the time-to-live every shared value must have. */
final class Ttl {

  private Ttl() {}

  /** The ttl in whole milliseconds, at least one; rejects missing, zero and negative ttls. */
  static long millis(Duration ttl) {
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    return Math.max(1, ttl.toMillis());
  }
}
