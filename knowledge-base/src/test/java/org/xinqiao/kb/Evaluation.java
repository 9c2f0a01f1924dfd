package org.xinqiao.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs an {@link EvalSet} through a knowledge base, as asked by one audience, and computes the
 * figures we track. "Answered right" means ANSWER with the right entry first; "offered right" also
 * counts a CHOOSE whose two options hold it.
 */
record Evaluation(
    int inScope,
    int outOfScope,
    double top1,
    double top3,
    double answeredRight,
    double offeredRight,
    double falseAnswerRate,
    int longInScope,
    double longAnsweredRight,
    int longOutOfScope,
    double longFalseAnswerRate,
    int admin,
    double adminRedirected,
    double inScopeRedirected,
    int teacherOnlyShownToParents,
    List<String> misses) {

  static Evaluation run(KnowledgeBase kb, EvalSet set) {
    return run(kb, set, Audience.BOTH);
  }

  /** Each question searched as its asker ({@link EvalSet.Row#asker}), as the bot searches it. */
  static Evaluation asAskers(KnowledgeBase kb, EvalSet set) {
    return run(kb, set, null);
  }

  /**
   * @param reader who searches every question; {@code null}: each question's own asker
   */
  static Evaluation run(KnowledgeBase kb, EvalSet set, Audience reader) {
    int in = 0, out = 0, top1 = 0, top3 = 0, answered = 0, offered = 0, falseAnswers = 0;
    int longIn = 0, longRight = 0, longOut = 0, longFalse = 0, admin = 0, redirected = 0;
    int inRedirected = 0, teacherOnly = 0;
    List<String> misses = new ArrayList<>();
    for (EvalSet.Row row : set.rows()) {
      Audience asker = reader == null ? row.asker(kb) : reader;
      SearchResult result = kb.search(row.question(), asker);
      List<Hit> hits = result.hits();
      if (asker == Audience.PARENT) {
        teacherOnly +=
            hits.stream()
                .filter(h -> kb.entry(h.id()).orElseThrow().audience() == Audience.TEACHER)
                .count();
      }
      if (row.outOfScope()) {
        out++;
        longOut += row.isLong() ? 1 : 0;
        if (row.kind() == CalibrationSet.Kind.ADMIN) {
          admin++;
          redirected += result.verdict() == Verdict.SCHOOL_ADMIN ? 1 : 0;
        }
        if (result.verdict() == Verdict.ANSWER) {
          falseAnswers++;
          longFalse += row.isLong() ? 1 : 0;
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
      answered += rightAnswer ? 1 : 0;
      offered += rightAnswer || rightChoice ? 1 : 0;
      inRedirected += result.verdict() == Verdict.SCHOOL_ADMIN ? 1 : 0;
      if (row.isLong()) {
        longIn++;
        longRight += rightAnswer ? 1 : 0;
      }
      if (!rightAnswer) {
        misses.add(
            (first ? "NOT ANSWERED " : "WRONG ")
                + row.question()
                + (reader == null ? " (" + asker + ")" : "")
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
        ratio(offered, in),
        ratio(falseAnswers, out),
        longIn,
        ratio(longRight, longIn),
        longOut,
        ratio(longFalse, longOut),
        admin,
        ratio(redirected, admin),
        ratio(inRedirected, in),
        teacherOnly,
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
        "%s: %d in-scope, %d out-of-scope | top-1 %.1f%% | top-3 %.1f%% | answered right %.1f%%"
            + " | offered right (ANSWER or CHOOSE with it) %.1f%% | out-of-scope answered %.1f%%"
            + " | long in-scope %d answered right %.1f%% | long out-of-scope %d answered %.1f%%"
            + " | school admin %d redirected %.1f%% | in-scope sent to the office %.1f%%"
            + " | teacher-only entries shown to parents %d",
        name,
        inScope,
        outOfScope,
        top1 * 100,
        top3 * 100,
        answeredRight * 100,
        offeredRight * 100,
        falseAnswerRate * 100,
        longInScope,
        longAnsweredRight * 100,
        longOutOfScope,
        longFalseAnswerRate * 100,
        admin,
        adminRedirected * 100,
        inScopeRedirected * 100,
        teacherOnlyShownToParents);
  }
}
