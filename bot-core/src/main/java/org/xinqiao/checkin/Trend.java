package org.xinqiao.checkin;

/**
 * This result against the person's previous one of the same check-in, in words only: a number would
 * read like a diagnosis. Differences within a tenth of the score range count as the same.
 */
final class Trend {

  enum Direction {
    BETTER,
    SAME,
    WORSE
  }

  private Trend() {}

  static Direction between(Checkin checkin, int previous, int now) {
    int range = Math.max(1, checkin.maxScore() - checkin.minScore());
    int tolerance = Math.max(1, Math.round(range / 10f));
    int change = checkin.higherIsBetter() ? now - previous : previous - now;
    if (Math.abs(change) < tolerance) {
      return Direction.SAME;
    }
    return change > 0 ? Direction.BETTER : Direction.WORSE;
  }
}
