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
import org.xinqiao.semantic.TextEmbedder;

/**
 * Speed figures for the report, not a pass/fail timing test (machines are noisy). Run with {@code
 * -Dtest=SearchBenchmark -Dkb.bench=true}. Start-up is split into loading the model, embedding and
 * indexing the entries and examples with a cold cache, and a reload with a warm one.
 */
class SearchBenchmark {
  private static final int QUESTIONS = 400;

  @Test
  void measuresStartUpAndPerQueryLatency() {
    Assumptions.assumeTrue(Boolean.getBoolean("kb.bench"), "set -Dkb.bench=true to run");
    List<String> questions = new ArrayList<>();
    for (String set : List.of("kb/holdout.tsv", "kb/calibration-holdout.tsv", "eval/kb-dev.tsv")) {
      EvalSet.fromClasspath(set).rows().forEach(r -> questions.add(r.question()));
    }
    List<String> sample = questions.subList(0, Math.min(QUESTIONS, questions.size()));
    int n = sample.size();

    long modelStart = System.nanoTime();
    try (TextEmbedder embedder = TextEmbedder.loadBundled(20_000)) {
      long modelNanos = System.nanoTime() - modelStart;
      List<ContentFile> content = TestContent.forEvaluation();
      long loadStart = System.nanoTime();
      try (KnowledgeBase kb = KnowledgeBase.load(content, embedder)) {
        long loadNanos = System.nanoTime() - loadStart;
        long reloadStart = System.nanoTime();
        kb.reload(content);
        long reloadNanos = System.nanoTime() - reloadStart;

        // Cold: every question embedded for the first time, as live messages are.
        long[] cold = time(kb, sample);
        // Warm: the vector is cached (safety embedded the same message first).
        long[] warm = time(kb, sample);

        StringWriter out = new StringWriter();
        long batch = System.nanoTime();
        BatchSearch.run(kb, new StringReader(String.join("\n", sample)), out);
        batch = System.nanoTime() - batch;
        System.out.printf(
            Locale.ROOT,
            "model load %.0f ms | load (embed + index %d entries and the examples, cold cache) %.0f ms"
                + " | reload (warm cache) %.0f ms | %d searches, message not yet embedded: p50 %.1f"
                + " ms, p99 %.1f ms | already embedded: p50 %.1f ms, p99 %.1f ms | batch %.0f ms%n",
            modelNanos / 1e6,
            kb.entries().size(),
            loadNanos / 1e6,
            reloadNanos / 1e6,
            n,
            cold[n / 2] / 1e6,
            cold[n * 99 / 100] / 1e6,
            warm[n / 2] / 1e6,
            warm[n * 99 / 100] / 1e6,
            batch / 1e6);
        assertThat(out.toString().split("\n")).hasSize(n);
      }
    }
  }

  private static long[] time(KnowledgeBase kb, List<String> questions) {
    long[] nanos = new long[questions.size()];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      kb.search(questions.get(i), Audience.PARENT);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }
}
