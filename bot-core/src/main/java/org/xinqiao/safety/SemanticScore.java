package org.xinqiao.safety;

import java.util.List;

/**
 * What the head and the nearest exemplars say about one embedding.
 *
 * @param head the head's probabilities per level
 * @param vote the similarity-weighted share of the nearest exemplars per level
 * @param neighbours the nearest exemplars, most similar first
 */
record SemanticScore(
    double[] head, double[] vote, double headWeight, List<NearestExemplars.Neighbour> neighbours) {

  private static final int HIGH = RiskLevel.HIGH.ordinal();
  private static final int IMMINENT = RiskLevel.IMMINENT.ordinal();

  /** How strongly the message reads as high or imminent: head and vote, weighted. */
  double raise() {
    return headWeight * (head[HIGH] + head[IMMINENT])
        + (1 - headWeight) * (vote[HIGH] + vote[IMMINENT]);
  }

  /** How strongly it reads as imminent rather than anything else. */
  double imminent() {
    return headWeight * head[IMMINENT] + (1 - headWeight) * vote[IMMINENT];
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
        double w = StrictMath.exp((n.similarity() - best) / settings.temperature());
        vote[index.exemplar(n.index()).level().ordinal()] += w;
        sum += w;
      }
      for (int c = 0; c < vote.length; c++) {
        vote[c] /= sum;
      }
    }
    return new SemanticScore(head.probabilities(vector), vote, settings.headWeight(), near);
  }
}
