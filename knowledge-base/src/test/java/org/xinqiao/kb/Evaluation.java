package org.xinqiao.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs an {@link EvalSet} through a knowledge base and computes the figures we track. */
record Evaluation(
    int inScope,
    int outOfScope,
    double top1,
    double top3,
    double answeredInScope,
    double falseAnswerRate,
    List<String> misses) {

  static Evaluation run(KnowledgeBase kb, EvalSet set) {
    int in = 0;
    int out = 0;
    int top1 = 0;
    int top3 = 0;
    int answered = 0;
    int falseAnswers = 0;
    List<String> misses = new ArrayList<>();
    for (EvalSet.Row row : set.rows()) {
      SearchResult result = kb.search(row.question());
      List<Hit> hits = result.hits();
      if (row.outOfScope()) {
        out++;
        if (result.verdict() == Verdict.ANSWER) {
          falseAnswers++;
          misses.add("FALSE ANSWER " + row.question() + " -> " + describe(result));
        }
        continue;
      }
      in++;
      boolean first = row.expected().contains(hits.get(0).id());
      boolean inThree = hits.stream().limit(3).anyMatch(h -> row.expected().contains(h.id()));
      top1 += first ? 1 : 0;
      top3 += inThree ? 1 : 0;
      boolean rightAnswer = result.verdict() == Verdict.ANSWER && first;
      boolean rightChoice =
          result.verdict() == Verdict.CHOOSE
              && hits.stream().limit(2).anyMatch(h -> row.expected().contains(h.id()));
      answered += rightAnswer || rightChoice ? 1 : 0;
      if (!first || !(rightAnswer || rightChoice)) {
        misses.add(
            (first ? "NOT ANSWERED " : "WRONG ")
                + row.question()
                + " want "
                + row.expected()
                + " -> "
                + describe(result));
      }
    }
    return new Evaluation(
        in,
        out,
        ratio(top1, in),
        ratio(top3, in),
        ratio(answered, in),
        ratio(falseAnswers, out),
        misses);
  }

  private static double ratio(int count, int total) {
    return total == 0 ? 0 : (double) count / total;
  }

  private static String describe(SearchResult result) {
    StringBuilder text = new StringBuilder(result.verdict().toString());
    result.hits().stream()
        .limit(3)
        .forEach(h -> text.append(String.format(Locale.ROOT, " %s=%.3f", h.id(), h.score())));
    return text.toString();
  }

  String summary(String name) {
    return String.format(
        Locale.ROOT,
        "%s: %d in-scope, %d out-of-scope | top-1 %.1f%% | top-3 %.1f%% | answered right"
            + " (ANSWER or CHOOSE with it) %.1f%% | out-of-scope answered %.1f%%",
        name,
        inScope,
        outOfScope,
        top1 * 100,
        top3 * 100,
        answeredInScope * 100,
        falseAnswerRate * 100);
  }
}
