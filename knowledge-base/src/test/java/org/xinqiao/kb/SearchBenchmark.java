package org.xinqiao.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Speed figures for the report, not a pass/fail timing test (machines are noisy). Run with {@code
 * -Dtest=SearchBenchmark -Dkb.bench=true}.
 */
class SearchBenchmark {
  private static final int QUESTIONS = 300;

  @Test
  void measuresLoadAndPerQueryLatency() {
    Assumptions.assumeTrue(Boolean.getBoolean("kb.bench"), "set -Dkb.bench=true to run");
    List<String> questions = new ArrayList<>();
    for (String set :
        List.of("kb/calibration.tsv", "kb/calibration-holdout.tsv", "eval/kb-dev.tsv")) {
      EvalSet.fromClasspath(set).rows().forEach(r -> questions.add(r.question()));
    }
    while (questions.size() < QUESTIONS) {
      questions.addAll(
          questions.subList(0, Math.min(questions.size(), QUESTIONS - questions.size())));
    }
    List<String> sample = questions.subList(0, QUESTIONS);

    long loadStart = System.nanoTime();
    try (KnowledgeBase kb = KnowledgeBase.load(TestContent.forEvaluation())) {
      long loadNanos = System.nanoTime() - loadStart;
      sample.forEach(kb::search); // warm-up: JIT and smartcn's dictionaries

      long[] nanos = new long[QUESTIONS];
      long total = System.nanoTime();
      for (int i = 0; i < QUESTIONS; i++) {
        long start = System.nanoTime();
        kb.search(sample.get(i));
        nanos[i] = System.nanoTime() - start;
      }
      total = System.nanoTime() - total;

      StringWriter out = new StringWriter();
      long batch = System.nanoTime();
      BatchSearch.run(kb, new StringReader(String.join("\n", sample)), out);
      batch = System.nanoTime() - batch;

      Arrays.sort(nanos);
      System.out.printf(
          Locale.ROOT,
          "load+index %d entries: %.0f ms | %d searches: %.0f ms | per query p50 %.2f ms, p95 %.2f"
              + " ms, max %.2f ms | batch of %d (JSON): %.0f ms%n",
          kb.entries().size(),
          loadNanos / 1e6,
          QUESTIONS,
          total / 1e6,
          nanos[QUESTIONS / 2] / 1e6,
          nanos[QUESTIONS * 95 / 100] / 1e6,
          nanos[QUESTIONS - 1] / 1e6,
          QUESTIONS,
          batch / 1e6);
      assertThat(out.toString().split("\n")).hasSize(QUESTIONS);
    }
  }
}
