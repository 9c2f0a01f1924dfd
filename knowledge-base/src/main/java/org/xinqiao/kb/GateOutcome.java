package org.xinqiao.kb;

import java.util.List;

/**
 * What a model makes of one calibration question, reduced to what the thresholds act on: the
 * probability that the first entry answers it, that the right entry is among the first two, whether
 * the right entry is first, in the first two or three, and the probability of school
 * administration; {@code ownFirst} when a teacher's own entry moves ahead of the first ({@link
 * HybridGate#ownFirst}), which makes an answer a choice, and {@code shownFirstRight} whether the
 * entry then shown first is right.
 */
record GateOutcome(
    CalibrationSet.Row row,
    double answer,
    double offer,
    boolean firstRight,
    boolean twoRight,
    boolean threeRight,
    double admin,
    boolean ownFirst,
    boolean shownFirstRight) {

  static GateOutcome of(GateCalibration.Sample sample, GateModel model) {
    List<HybridGate.Scored> ranked = HybridGate.rank(sample.features(), model);
    CalibrationSet.Row row = sample.row();
    double[] x = GateFeatures.answer(ranked, sample.features());
    List<HybridGate.Scored> shown = HybridGate.ownFirst(ranked, sample.asker());
    return new GateOutcome(
        row,
        model.answer(x),
        model.offer(x),
        right(row, ranked, 1),
        right(row, ranked, 2),
        right(row, ranked, 3),
        model.admin(sample.features().admin()),
        shown != ranked,
        right(row, shown, 1));
  }

  private static boolean right(CalibrationSet.Row row, List<HybridGate.Scored> ranked, int n) {
    return ranked.stream().limit(n).anyMatch(s -> row.expected().contains(s.entry().id()));
  }

  /** The verdict the reader gets, as {@link HybridGate#judge} gives it. */
  Verdict verdict(Thresholds t) {
    Verdict v = HybridGate.verdict(answer, offer, admin, t);
    return ownFirst && (v == Verdict.ANSWER || v == Verdict.CHOOSE) ? Verdict.CHOOSE : v;
  }
}
