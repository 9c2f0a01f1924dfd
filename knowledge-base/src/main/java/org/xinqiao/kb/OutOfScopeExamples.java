package org.xinqiao.kb;

import java.util.List;
import org.xinqiao.semantic.TextEmbedder;

/**
 * The calibration set's out-of-scope questions, embedded: how close a question comes to known
 * school-administration questions (fees, uniforms, sick leave...) and to other things no entry
 * answers (weather, shopping, chit-chat). Nearest examples explain themselves and need no training.
 */
final class OutOfScopeExamples {
  /** A cosine this high means the same text (vectors of one text are identical). */
  private static final double SAME_TEXT = 0.9999;

  private final float[][] admin;
  private final float[][] other;
  private final float[][] inScope;

  OutOfScopeExamples(float[][] admin, float[][] other, float[][] inScope) {
    this.admin = admin;
    this.other = other;
    this.inScope = inScope;
  }

  static OutOfScopeExamples of(CalibrationSet set, TextEmbedder embedder) {
    return new OutOfScopeExamples(
        vectors(set.of(CalibrationSet.Kind.ADMIN), embedder),
        vectors(set.of(CalibrationSet.Kind.OTHER), embedder),
        vectors(set.of(CalibrationSet.Kind.ENTRY), embedder));
  }

  /**
   * The same over the in-scope calibration questions: a long, chatty message is close to other long
   * messages whatever they ask, so closeness to administration counts against closeness to in-scope
   * questions written the same way.
   */
  double inScope(float[] question, int k, boolean leaveOut) {
    return topMean(inScope, question, k, leaveOut);
  }

  private static float[][] vectors(List<CalibrationSet.Row> rows, TextEmbedder embedder) {
    return embedder
        .embedAll(rows.stream().map(CalibrationSet.Row::question).toList())
        .toArray(new float[0][]);
  }

  /**
   * Mean of the {@code k} best cosines to the school-administration examples. {@code leaveOut}
   * skips the question itself (the fitter asks about calibration rows that are examples too).
   */
  double admin(float[] question, int k, boolean leaveOut) {
    return topMean(admin, question, k, leaveOut);
  }

  double other(float[] question, int k, boolean leaveOut) {
    return topMean(other, question, k, leaveOut);
  }

  private static double topMean(float[][] examples, float[] question, int k, boolean leaveOut) {
    double[] best = new double[k];
    java.util.Arrays.fill(best, -1);
    for (float[] example : examples) {
      double c = TextEmbedder.cosine(question, example);
      if (leaveOut && c > SAME_TEXT) {
        continue;
      }
      for (int i = 0; i < k; i++) {
        if (c > best[i]) {
          System.arraycopy(best, i, best, i + 1, k - i - 1);
          best[i] = c;
          break;
        }
      }
    }
    double sum = 0;
    for (double b : best) {
      sum += Math.max(b, 0);
    }
    return sum / k;
  }
}
