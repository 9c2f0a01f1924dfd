package org.xinqiao.kb;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The gate's three thresholds, each chosen on a grid to maximise right outcomes minus the costs of
 * mistakes ({@link GateCalibration}); among equally good values the middle of the first best run is
 * taken, which keeps the choice away from the edge of the data.
 */
record Thresholds(double answer, double choose, double admin) {
  private static final double STEP = 0.01;

  static Thresholds choose(List<GateOutcome> outcomes) {
    double answer =
        best(
            0.30,
            0.97,
            t -> {
              double gain = 0;
              for (GateOutcome o : outcomes) {
                // a teacher's own entry moved first makes the answer a choice at any threshold
                if (o.answer() >= t && !o.ownFirst()) {
                  gain +=
                      o.row().outOfScope()
                          ? -GateCalibration.OUT_OF_SCOPE_ANSWER_COST
                          : o.firstRight() ? 1 : -GateCalibration.WRONG_ANSWER_COST;
                }
              }
              return gain;
            });
    double admin =
        best(
            0.20,
            0.95,
            t -> {
              double gain = 0;
              for (GateOutcome o : outcomes) {
                if (o.answer() < answer && o.admin() >= t) {
                  gain +=
                      switch (o.row().kind()) {
                        case ADMIN -> 1;
                        case ENTRY -> -GateCalibration.IN_SCOPE_REDIRECT_COST;
                        case OTHER -> -GateCalibration.OTHER_REDIRECT_COST;
                      };
                }
              }
              return gain;
            });
    double choose =
        best(
            0.02,
            0.95,
            t -> {
              double gain = 0;
              for (GateOutcome o : outcomes) {
                if (o.answer() < answer && o.admin() < admin && o.offer() >= t) {
                  gain +=
                      o.row().outOfScope()
                          ? -GateCalibration.OUT_OF_SCOPE_CHOICE_COST
                          : o.twoRight() ? 1 : -GateCalibration.WRONG_CHOICE_COST;
                }
              }
              return gain;
            });
    return new Thresholds(answer, choose, admin);
  }

  private static double best(double from, double to, DoubleUnaryOperator gain) {
    int steps = (int) Math.round((to - from) / STEP);
    double bestGain = Double.NEGATIVE_INFINITY;
    int runStart = 0;
    int runEnd = 0;
    boolean inRun = false;
    for (int i = 0; i <= steps; i++) {
      double g = gain.applyAsDouble(from + i * STEP);
      if (g > bestGain + 1e-9) {
        bestGain = g;
        runStart = i;
        runEnd = i;
        inRun = true;
      } else if (inRun && Math.abs(g - bestGain) <= 1e-9) {
        runEnd = i;
      } else {
        inRun = false;
      }
    }
    return Math.round((from + (runStart + runEnd) / 2 * STEP) * 100) / 100.0;
  }
}
