package org.xinqiao.safety;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The cross-validated figures of a training run, in percent, for all lines, the lines written for
 * this project, PsySUICIDE, and each exemplar file: high and imminent lines raised to high (by the
 * whole assessor, and by the rules alone), raised or asked, imminent recognised; none lines raised
 * and asked; concern lines raised.
 */
final class TrainingFigures {

  private TrainingFigures() {}

  static Map<String, Double> of(
      List<Exemplar> exemplars,
      RiskLevel[] rules,
      CrossValidation.Predictions p,
      SemanticSettings s) {
    Map<String, Double> out = new TreeMap<>();
    slice(out, "all", exemplars, rules, p, s, e -> true);
    slice(out, "written", exemplars, rules, p, s, e -> !e.source().equals("psysuicide"));
    slice(out, "psysuicide", exemplars, rules, p, s, e -> e.source().equals("psysuicide"));
    exemplars.stream()
        .map(Exemplar::file)
        .distinct()
        .forEach(f -> slice(out, "file " + f, exemplars, rules, p, s, e -> e.file().equals(f)));
    return out;
  }

  private static void slice(
      Map<String, Double> out,
      String name,
      List<Exemplar> exemplars,
      RiskLevel[] rules,
      CrossValidation.Predictions p,
      SemanticSettings s,
      Predicate<Exemplar> in) {
    int[] count = new int[RiskLevel.values().length];
    int positivesRaised = 0, positivesByRules = 0, positivesAsked = 0, imminentHit = 0;
    int noneRaised = 0, noneAsked = 0, concernRaised = 0;
    for (int i = 0; i < exemplars.size(); i++) {
      Exemplar e = exemplars.get(i);
      if (!in.test(e)) {
        continue;
      }
      RiskLevel got = Thresholds.decide(rules[i], p.raise()[i], p.imminent()[i], s);
      boolean raised = got.atLeast(RiskLevel.HIGH);
      boolean asked = !raised && p.raise()[i] >= s.ask();
      count[e.level().ordinal()]++;
      switch (e.level()) {
        case NONE -> {
          noneRaised += raised ? 1 : 0;
          noneAsked += asked ? 1 : 0;
        }
        case CONCERN -> concernRaised += raised ? 1 : 0;
        case HIGH, IMMINENT -> {
          positivesRaised += raised ? 1 : 0;
          positivesAsked += raised || asked ? 1 : 0;
          positivesByRules += rules[i].atLeast(RiskLevel.HIGH) ? 1 : 0;
          imminentHit += e.level() == RiskLevel.IMMINENT && got == RiskLevel.IMMINENT ? 1 : 0;
        }
      }
    }
    int positives = count[RiskLevel.HIGH.ordinal()] + count[RiskLevel.IMMINENT.ordinal()];
    put(out, name, "high+imminent raised to >=high", positivesRaised, positives);
    put(out, name, "high+imminent raised by the rules alone", positivesByRules, positives);
    put(out, name, "high+imminent raised or asked", positivesAsked, positives);
    put(out, name, "imminent recognised", imminentHit, count[RiskLevel.IMMINENT.ordinal()]);
    put(out, name, "none raised to >=high", noneRaised, count[RiskLevel.NONE.ordinal()]);
    put(out, name, "none asked", noneAsked, count[RiskLevel.NONE.ordinal()]);
    put(out, name, "concern raised to >=high", concernRaised, count[RiskLevel.CONCERN.ordinal()]);
  }

  private static void put(Map<String, Double> out, String slice, String what, int k, int n) {
    if (n > 0) {
      out.put(slice + ": " + what, Math.round(10000.0 * k / n) / 100.0);
      out.put(slice + ": " + what + " (lines)", (double) n);
    }
  }

  static String format(Map<String, Double> figures) {
    StringBuilder s = new StringBuilder();
    figures.forEach(
        (k, v) -> {
          if (!k.endsWith("(lines)")) {
            Double n = figures.get(k + " (lines)");
            s.append(String.format(Locale.ROOT, "  %-70s %6.2f%% of %.0f%n", k, v, n));
          }
        });
    return s.toString();
  }
}
