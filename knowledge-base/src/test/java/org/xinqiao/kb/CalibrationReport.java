package org.xinqiao.kb;

import java.util.List;
import java.util.Locale;

/**
 * Prints every calibration and dev question with its gate features, for choosing thresholds. Run:
 * {@code -Dtest=CalibrationReport -Dkb.report=true}; skipped otherwise.
 */
class CalibrationReport {
  @org.junit.jupiter.api.Test
  void printFeatures() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("kb.report"));
    main(new String[0]);
  }

  public static void main(String[] args) {
    try (KnowledgeBase kb = KnowledgeBase.load(TestContent.forEvaluation())) {
      for (String set :
          List.of("kb/calibration.tsv", "kb/calibration-holdout.tsv", "eval/kb-dev.tsv")) {
        EvalSet rows = EvalSet.fromClasspath(set);
        for (EvalSet.Row row : rows.rows()) {
          SearchResult r = kb.search(row.question());
          String mark =
              row.outOfScope()
                  ? "OOS"
                  : row.expected().contains(r.hits().get(0).id())
                      ? "OK1"
                      : r.hits().stream().limit(3).anyMatch(h -> row.expected().contains(h.id()))
                          ? "OK3"
                          : "BAD";
          System.out.printf(
              Locale.ROOT,
              "FEAT\t%s\t%s\t%.3f\t%.3f\t%s\t%s\t%s%n",
              set.contains("holdout") ? "hold" : set.startsWith("kb") ? "cal" : "dev",
              mark,
              r.hits().get(0).score(),
              r.hits().get(1).score(),
              r.verdict(),
              row.question(),
              r.hits().stream().limit(3).map(Hit::id).toList() + " want " + row.expected());
        }
        Evaluation e = Evaluation.run(kb, rows);
        System.out.println(e.summary(set));
      }
    }
  }
}
