package org.xinqiao.kb;

import java.util.List;
import java.util.Locale;

/** The figures a fit reports: how the calibration questions fare under a model and thresholds. */
record GateFigures(
    int inScope,
    double answeredRight,
    double top1,
    double top3,
    int longInScope,
    double longAnsweredRight,
    int outOfScope,
    double outOfScopeAnswered,
    int longOutOfScope,
    double longOutOfScopeAnswered,
    int admin,
    double adminRedirected,
    double inScopeRedirected) {

  static GateFigures of(List<GateOutcome> outcomes, Thresholds t) {
    int in = 0, right = 0, first = 0, three = 0, longIn = 0, longRight = 0;
    int out = 0, outAnswered = 0, longOut = 0, longOutAnswered = 0, admin = 0, redirected = 0;
    int inRedirected = 0;
    for (GateOutcome o : outcomes) {
      Verdict v = o.verdict(t);
      boolean isLong = o.row().isLong();
      if (o.row().outOfScope()) {
        out++;
        longOut += isLong ? 1 : 0;
        if (v == Verdict.ANSWER) {
          outAnswered++;
          longOutAnswered += isLong ? 1 : 0;
        }
        if (o.row().kind() == CalibrationSet.Kind.ADMIN) {
          admin++;
          redirected += v == Verdict.SCHOOL_ADMIN ? 1 : 0;
        }
        continue;
      }
      in++;
      boolean answered = v == Verdict.ANSWER && o.shownFirstRight();
      right += answered ? 1 : 0;
      first += o.shownFirstRight() ? 1 : 0;
      three += o.threeRight() ? 1 : 0;
      inRedirected += v == Verdict.SCHOOL_ADMIN ? 1 : 0;
      if (isLong) {
        longIn++;
        longRight += answered ? 1 : 0;
      }
    }
    return new GateFigures(
        in,
        ratio(right, in),
        ratio(first, in),
        ratio(three, in),
        longIn,
        ratio(longRight, longIn),
        out,
        ratio(outAnswered, out),
        longOut,
        ratio(longOutAnswered, longOut),
        admin,
        ratio(redirected, admin),
        ratio(inRedirected, in));
  }

  /** The same figures over {@code repeats} concatenated cross-validations, counted once. */
  GateFigures perRepeat(int repeats) {
    return new GateFigures(
        inScope / repeats,
        answeredRight,
        top1,
        top3,
        longInScope / repeats,
        longAnsweredRight,
        outOfScope / repeats,
        outOfScopeAnswered,
        longOutOfScope / repeats,
        longOutOfScopeAnswered,
        admin / repeats,
        adminRedirected,
        inScopeRedirected);
  }

  private static double ratio(int count, int total) {
    return total == 0 ? 0 : (double) count / total;
  }

  String summary() {
    return String.format(
        Locale.ROOT,
        "in-scope %d: answered right %.1f%%, top-1 %.1f%%, top-3 %.1f%%, sent to the office %.1f%%"
            + " | long in-scope %d: answered right %.1f%% | out-of-scope %d: answered %.1f%%"
            + " (long %d: %.1f%%) | school admin %d: redirected %.1f%%",
        inScope,
        answeredRight * 100,
        top1 * 100,
        top3 * 100,
        inScopeRedirected * 100,
        longInScope,
        longAnsweredRight * 100,
        outOfScope,
        outOfScopeAnswered * 100,
        longOutOfScope,
        longOutOfScopeAnswered * 100,
        admin,
        adminRedirected * 100);
  }
}
