package org.xinqiao.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses the semantic layer's thresholds from cross-validated scores at stated false-alarm rates
 * (never from an evaluation set). The rates are what the semantic layer may add on top of the
 * rules, met by each source of lines on its own (written for the school, PsySUICIDE): of the none
 * and concern lines, at most {@link #RAISE} percent may be raised by the semantic layer; of the
 * none lines, at most {@link #ASK} percent raised or asked; of the high lines, at most {@link
 * #IMMINENT} percent called imminent; {@link #CONTEXT_FLOOR} percent of none lines carry enough
 * signal of their own for their context to raise them.
 */
final class Thresholds {

  static final double RAISE = 2.0;
  static final double ASK = 9.0;
  static final double IMMINENT = 10.0;
  static final double CONTEXT_FLOOR = 20.0;

  static final Map<String, Double> TARGETS =
      Map.of(
          "raise: % of none+concern lines raised to high by the semantic layer",
          RAISE,
          "ask: % of none lines raised or asked by the semantic layer",
          ASK,
          "imminent: % of high lines called imminent by the semantic layer",
          IMMINENT,
          "context floor: % of none lines whose own score lets their context raise them",
          CONTEXT_FLOOR);

  private Thresholds() {}

  static SemanticSettings choose(
      List<Exemplar> exemplars, RiskLevel[] rules, CrossValidation.Predictions p) {
    double raise = 0;
    double ask = 0;
    double contextFloor = 0;
    // each source on its own (lines written for the school, PsySUICIDE): a budget met on average
    // but blown on one kind of writing would not be met where it matters
    for (String source : exemplars.stream().map(Exemplar::source).distinct().sorted().toList()) {
      List<Double> benign = new ArrayList<>();
      List<Double> none = new ArrayList<>();
      int benignCount = 0;
      int noneCount = 0;
      for (int i = 0; i < exemplars.size(); i++) {
        RiskLevel level = exemplars.get(i).level();
        if (level.atLeast(RiskLevel.HIGH) || !exemplars.get(i).source().equals(source)) {
          continue;
        }
        benignCount++;
        noneCount += level == RiskLevel.NONE ? 1 : 0;
        if (!rules[i].atLeast(RiskLevel.HIGH)) {
          benign.add(p.raise()[i]);
          if (level == RiskLevel.NONE) {
            none.add(p.raise()[i]);
          }
        }
      }
      raise = Math.max(raise, above(benign, RAISE * benignCount / 100));
      ask = Math.max(ask, above(none, ASK * noneCount / 100));
      contextFloor = Math.max(contextFloor, above(none, CONTEXT_FLOOR * noneCount / 100));
    }
    ask = Math.min(raise, ask);
    contextFloor = Math.min(ask, contextFloor);
    List<Double> high = new ArrayList<>();
    int highCount = 0;
    for (int i = 0; i < exemplars.size(); i++) {
      if (exemplars.get(i).level() == RiskLevel.HIGH) {
        highCount++;
        if (rules[i] != RiskLevel.IMMINENT) {
          high.add(p.imminent()[i]);
        }
      }
    }
    double imminent = above(high, IMMINENT * highCount / 100);
    SemanticSettings scoring = SemanticSettings.scoring();
    return new SemanticSettings(
        scoring.k(),
        scoring.temperature(),
        scoring.headWeight(),
        raise,
        ask,
        imminent,
        contextFloor,
        p.stacking(),
        p.imminentStacking());
  }

  /** The lowest threshold that at most {@code allowed} of the scores reach. */
  private static double above(List<Double> scores, double allowed) {
    List<Double> sorted = new ArrayList<>(scores);
    sorted.sort((a, b) -> Double.compare(b, a));
    int keep = (int) Math.floor(allowed);
    if (keep >= sorted.size()) {
      return 0;
    }
    return Math.nextUp(sorted.get(keep));
  }

  /** The final level of a line as the assessor would give it: rules, then the semantic layer. */
  static RiskLevel decide(RiskLevel rule, double raise, double imminent, SemanticSettings s) {
    if (raise < s.raise()) {
      return rule;
    }
    return RiskLevel.max(rule, imminent >= s.imminent() ? RiskLevel.IMMINENT : RiskLevel.HIGH);
  }
}
