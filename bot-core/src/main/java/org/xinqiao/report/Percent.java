package org.xinqiao.report;

import java.util.List;
import java.util.Locale;

/** Small number helpers for derived figures. */
final class Percent {

  private Percent() {}

  static String of(long part, long whole) {
    return whole == 0 ? "—" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  /** The nearest-rank percentile of sorted values (q in 0..1). */
  static long percentile(List<Long> sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
