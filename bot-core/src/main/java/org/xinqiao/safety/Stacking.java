package org.xinqiao.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * How the semantic layer turns what it sees into one score: a logistic model over a few numbers per
 * message (the head's and the vote's share of high and imminent, the cosine to the nearest risky
 * and to the nearest harmless exemplar, and their difference, for the whole message and for its
 * riskiest clause). Fitted by {@code safety train} on cross-validated numbers, so it learns how far
 * each can be trusted on lines it has not seen: a close risky neighbour says more than a vote
 * diluted by many harmless look-alikes.
 *
 * @param mean the mean of each feature on the training lines
 * @param scale the standard deviation of each feature
 * @param weights one weight per standardised feature, then the bias
 */
record Stacking(List<Double> mean, List<Double> scale, List<Double> weights) {

  static final int FEATURES = 10;
  private static final int STEPS = 2000;
  private static final double RATE = 0.1;
  private static final double L2 = 1e-4;

  /**
   * The features of one score, in the order the weights expect: the whole message's five, then the
   * riskiest clause's head share, nearest-risky cosine and margin (for a one-clause message the
   * whole's own: the stacking learns how far a lone risky clause in a long message can be trusted,
   * since a joke and a real wish can share a clause), then the character grams' score of the whole
   * and of the riskiest clause ({@link LexicalHead}).
   */
  static double[] features(
      SemanticScore.Read whole, SemanticScore.Clause clause, LexicalHead.Reading lexical) {
    return new double[] {
      whole.headRisk(),
      whole.vote()[RiskLevel.HIGH.ordinal()] + whole.vote()[RiskLevel.IMMINENT.ordinal()],
      whole.nearestRisk(),
      whole.nearestSafe(),
      whole.margin(),
      clause.headRisk(),
      clause.nearestRisk(),
      clause.margin(),
      lexical.whole(),
      lexical.clause()
    };
  }

  /** The features of the imminent score: the whole message's and its most imminent clause's. */
  static final int IMMINENT_FEATURES = 4;

  Stacking {
    if (scale.size() != mean.size() || weights.size() != mean.size() + 1) {
      throw new IllegalArgumentException("stacking: " + mean.size() + " features, bad weights");
    }
  }

  /** Stops start-up when a model file was trained with other features than this code reads. */
  Stacking expecting(int features) {
    if (mean.size() != features) {
      throw new IllegalArgumentException(
          "stacking has " + mean.size() + " features, expected " + features + ": retrain");
    }
    return this;
  }

  double score(double[] x) {
    int features = mean.size();
    double z = weights.get(features);
    for (int j = 0; j < features; j++) {
      z += weights.get(j) * (x[j] - mean.get(j)) / scale.get(j);
    }
    return 1 / (1 + StrictMath.exp(-z));
  }

  /**
   * Full-batch Adam on the logistic loss over the lines {@code used}, weighted equally;
   * deterministic.
   */
  static Stacking fit(double[][] rows, boolean[] risky, IntPredicate used) {
    List<double[]> xs = new ArrayList<>();
    List<Boolean> ys = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      if (used.test(i)) {
        xs.add(rows[i]);
        ys.add(risky[i]);
      }
    }
    int n = xs.size();
    int features = xs.get(0).length;
    double[] mu = new double[features];
    double[] sd = new double[features];
    for (double[] x : xs) {
      for (int j = 0; j < features; j++) {
        mu[j] += x[j] / n;
      }
    }
    for (double[] x : xs) {
      for (int j = 0; j < features; j++) {
        sd[j] += (x[j] - mu[j]) * (x[j] - mu[j]) / n;
      }
    }
    for (int j = 0; j < features; j++) {
      sd[j] = StrictMath.sqrt(sd[j]) + 1e-9;
    }
    double[][] z = new double[n][features + 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < features; j++) {
        z[i][j] = (xs.get(i)[j] - mu[j]) / sd[j];
      }
      z[i][features] = 1;
    }
    double[] b = new double[features + 1];
    double[] m = new double[features + 1];
    double[] v = new double[features + 1];
    for (int step = 1; step <= STEPS; step++) {
      double[] g = new double[features + 1];
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j <= features; j++) {
          s += z[i][j] * b[j];
        }
        double err = 1 / (1 + StrictMath.exp(-s)) - (ys.get(i) ? 1 : 0);
        for (int j = 0; j <= features; j++) {
          g[j] += err * z[i][j] / n;
        }
      }
      double b1 = 1 - StrictMath.pow(0.9, step);
      double b2 = 1 - StrictMath.pow(0.999, step);
      for (int j = 0; j <= features; j++) {
        double gj = g[j] + L2 * b[j];
        m[j] = 0.9 * m[j] + 0.1 * gj;
        v[j] = 0.999 * v[j] + 0.001 * gj * gj;
        b[j] -= RATE * (m[j] / b1) / (StrictMath.sqrt(v[j] / b2) + 1e-8);
      }
    }
    return new Stacking(list(mu), list(sd), list(b));
  }

  private static List<Double> list(double[] a) {
    List<Double> out = new ArrayList<>(a.length);
    for (double d : a) {
      out.add(d);
    }
    return List.copyOf(out);
  }
}
