package org.xinqiao.safety;

import java.util.List;

/**
 * What the head and the nearest exemplars say about one embedding.
 *
 * @param head the head's probabilities per level
 * @param vote the similarity-weighted share of the nearest exemplars per level
 * @param nearestRisk the cosine to the nearest high or imminent exemplar
 * @param nearestSafe the cosine to the nearest none or concern exemplar
 * @param neighbours the nearest exemplars, most similar first
 */
record SemanticScore(
    double[] head,
    double[] vote,
    double nearestRisk,
    double nearestSafe,
    SemanticSettings settings,
    List<NearestExemplars.Neighbour> neighbours) {

  private static final int HIGH = RiskLevel.HIGH.ordinal();
  private static final int IMMINENT = RiskLevel.IMMINENT.ordinal();

  /**
   * How strongly the message reads as high or imminent: the trained stacking over {@link
   * #features()}, or (before it is fitted) head and vote weighted.
   */
  double raise() {
    if (settings.stacking() != null) {
      return settings.stacking().score(features());
    }
    double w = settings.headWeight();
    return w * (head[HIGH] + head[IMMINENT]) + (1 - w) * (vote[HIGH] + vote[IMMINENT]);
  }

  double[] features() {
    return Stacking.features(
        head[HIGH] + head[IMMINENT], vote[HIGH] + vote[IMMINENT], nearestRisk, nearestSafe);
  }

  /** How strongly it reads as imminent rather than anything else. */
  double imminent() {
    double w = settings.headWeight();
    return w * head[IMMINENT] + (1 - w) * vote[IMMINENT];
  }

  /** Scores a vector with the head and a vote of the {@code k} nearest allowed exemplars. */
  static SemanticScore of(
      float[] vector,
      LinearHead head,
      NearestExemplars index,
      SemanticSettings settings,
      java.util.function.IntPredicate allowed) {
    NearestExemplars.Found found = index.search(vector, settings.k(), allowed);
    List<NearestExemplars.Neighbour> near = found.neighbours();
    double[] vote = new double[LinearHead.CLASSES];
    if (!near.isEmpty()) {
      double best = near.get(0).similarity();
      double sum = 0;
      for (NearestExemplars.Neighbour n : near) {
        double w = StrictMath.exp((n.similarity() - best) / settings.temperature());
        vote[index.exemplar(n.index()).level().ordinal()] += w;
        sum += w;
      }
      for (int c = 0; c < vote.length; c++) {
        vote[c] /= sum;
      }
    }
    return new SemanticScore(
        head.probabilities(vector), vote, found.nearestRisk(), found.nearestSafe(), settings, near);
  }
}
