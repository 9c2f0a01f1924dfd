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
  private final java.util.Map<String, float[][]> byEntry;

  /**
   * Two calibration questions this close are the same question reworded (bge-small-zh gives
   * different questions on one topic 0.6-0.85): while fitting, a row is not compared with its own
   * rewordings, as a new question has none among the examples. A design constant, like {@link
   * #SAME_TEXT}, not a fitted or tuned value.
   */
  static final double NEAR_DUPLICATE = 0.92;

  OutOfScopeExamples(
      float[][] admin,
      float[][] other,
      float[][] inScope,
      java.util.Map<String, float[][]> byEntry) {
    this.admin = admin;
    this.other = other;
    this.inScope = inScope;
    this.byEntry = byEntry;
  }

  static OutOfScopeExamples of(CalibrationSet set, TextEmbedder embedder) {
    List<CalibrationSet.Row> in = set.of(CalibrationSet.Kind.ENTRY);
    float[][] inVectors = vectors(in, embedder);
    java.util.Map<String, List<float[]>> grouped = new java.util.HashMap<>();
    for (int i = 0; i < in.size(); i++) {
      for (String id : in.get(i).expected()) {
        grouped.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(inVectors[i]);
      }
    }
    java.util.Map<String, float[][]> byEntry = new java.util.HashMap<>();
    grouped.forEach((id, v) -> byEntry.put(id, v.toArray(new float[0][])));
    return new OutOfScopeExamples(
        vectors(set.of(CalibrationSet.Kind.ADMIN), embedder),
        vectors(set.of(CalibrationSet.Kind.OTHER), embedder),
        inVectors,
        byEntry);
  }

  /**
   * The best cosine between {@code probe} (the question or one of its clauses) and the in-scope
   * calibration questions labelled with {@code entryId}: the long, chatty questions written for an
   * entry are phrasings of it as parents write. {@code leaveOut} (the fitter) skips the question
   * itself and its rewordings ({@link #NEAR_DUPLICATE} to the {@code whole} question, so that a
   * clause is never matched with the row it was cut from).
   */
  double nearestFor(String entryId, float[] probe, float[] whole, boolean leaveOut) {
    float[][] examples = byEntry.get(entryId);
    if (examples == null) {
      return 0;
    }
    double best = 0;
    for (float[] example : examples) {
      if (leaveOut && TextEmbedder.cosine(whole, example) > NEAR_DUPLICATE) {
        continue;
      }
      best = Math.max(best, TextEmbedder.cosine(probe, example));
    }
    return best;
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
