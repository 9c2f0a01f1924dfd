package org.xinqiao.safety;

/**
 * The numbers the semantic layer decides with, chosen by {@code safety train} from cross-validated
 * predictions (never from an evaluation set) and shipped in metadata.json.
 *
 * @param k how many nearest exemplars vote
 * @param temperature how sharply the vote favours the nearest: weight = exp((cos - best) / t)
 * @param headWeight the head's share of a score; the nearest exemplars' vote has the rest
 * @param raise a message whose score reaches this is raised to high
 * @param ask below {@code raise} but at least this: the bot asks one direct question
 * @param imminent a raised message whose imminent score reaches this is imminent
 * @param contextFloor the last message's own score must reach this for its context to raise it
 * @param stacking how the scores are combined into one (null while cross-validating the parts)
 * @param imminentStacking how the whole message's and its clauses' imminent scores are combined
 *     (fitted on the high and imminent lines; null while cross-validating the parts)
 */
record SemanticSettings(
    int k,
    double temperature,
    double headWeight,
    double raise,
    double ask,
    double imminent,
    double contextFloor,
    Stacking stacking,
    Stacking imminentStacking) {

  SemanticSettings {
    // a model trained with other features than this code reads must stop start-up
    if (stacking != null) {
      stacking.expecting(Stacking.FEATURES);
    }
    if (imminentStacking != null) {
      imminentStacking.expecting(Stacking.IMMINENT_FEATURES);
    }
  }

  static final int K = 10;
  static final double TEMPERATURE = 0.1;
  static final double HEAD_WEIGHT = 0.3;

  /** The scoring part alone, before thresholds are chosen. */
  static SemanticSettings scoring() {
    return new SemanticSettings(K, TEMPERATURE, HEAD_WEIGHT, 1, 1, 1, 1, null, null);
  }
}
