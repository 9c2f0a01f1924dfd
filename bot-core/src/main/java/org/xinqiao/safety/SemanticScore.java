package org.xinqiao.safety;

import java.util.List;

/**
 * What the head and the nearest exemplars say about one embedding.
 *
 * @param head the head's probabilities per level
 * @param vote the similarity-weighted share of the nearest exemplars per level
 * @param neighbours the nearest exemplars, most similar first
 */
record SemanticScore(double[] head, double[] vote, List<NearestExemplars.Neighbour> neighbours) {

  private static final int HIGH = RiskLevel.HIGH.ordinal();
  private static final int IMMINENT = RiskLevel.IMMINENT.ordinal();

  /** How strongly the message reads as high or imminent: the mean of head and vote. */
  double raise() {
    return (head[HIGH] + head[IMMINENT] + vote[HIGH] + vote[IMMINENT]) / 2;
  }

  /** How strongly it reads as imminent rather than anything else. */
  double imminent() {
    return (head[IMMINENT] + vote[IMMINENT]) / 2;
  }

  /** Scores a vector with the head and a vote of the {@code k} nearest allowed exemplars. */
  static SemanticScore of(
      float[] vector,
      LinearHead head,
      NearestExemplars index,
      SemanticSettings settings,
      java.util.function.IntPredicate allowed) {
    List<NearestExemplars.Neighbour> near = index.nearest(vector, settings.k(), allowed);
    double[] vote = new double[LinearHead.CLASSES];
    if (!near.isEmpty()) {
      double best = near.get(0).similarity();
      double sum = 0;
      for (NearestExemplars.Neighbour n : near) {
        double w = Math.exp((n.similarity() - best) / settings.temperature());
        vote[index.exemplar(n.index()).level().ordinal()] += w;
        sum += w;
      }
      for (int c = 0; c < vote.length; c++) {
        vote[c] /= sum;
      }
    }
    return new SemanticScore(head.probabilities(vector), vote, near);
  }
}
