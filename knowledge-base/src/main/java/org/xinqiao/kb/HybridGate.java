package org.xinqiao.kb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fuses the two rankings through the fitted model and decides the verdict: every entry the reader
 * may get is scored P(answers the question) from its cosine and Lucene features, the entries are
 * ranked by that probability; a second model reads the ranked list and gives P(the first entry
 * answers it), a third P(school administration); the thresholds give ANSWER, SCHOOL_ADMIN, CHOOSE
 * or NONE.
 */
final class HybridGate {
  /** Hits returned (the CLI and the chat show at most three). */
  static final int HITS = 5;

  private HybridGate() {}

  record Scored(GateFeatures.Candidate candidate, double probability) {
    Entry entry() {
      return candidate.entry();
    }
  }

  static SearchResult judge(GateFeatures.Result features, GateModel model, Audience reader) {
    List<Scored> ranked = rank(features, model);
    Verdict verdict = Verdict.NONE;
    if (!ranked.isEmpty()) {
      double[] x = GateFeatures.answer(ranked, features);
      verdict =
          verdict(
              model.answer(x), model.offer(x), model.admin(features.admin()), model.thresholds());
    }
    List<Scored> shown = ownFirst(ranked, reader);
    if (shown != ranked && (verdict == Verdict.ANSWER || verdict == Verdict.CHOOSE)) {
      // A teacher entry is as likely as the parent entry: offer it first, with the parent entry
      // beside it.
      ranked = shown;
      verdict = Verdict.CHOOSE;
    }
    List<Hit> hits = new ArrayList<>();
    for (Scored s : ranked.subList(0, Math.min(HITS, ranked.size()))) {
      hits.add(new Hit(s.entry().id(), s.entry().title(), round(s.probability())));
    }
    return new SearchResult(verdict, hits);
  }

  /** Best first by the fitted probability (ties by id, so results are stable). */
  static List<Scored> rank(GateFeatures.Result features, GateModel model) {
    List<Scored> ranked = new ArrayList<>();
    for (GateFeatures.Candidate c : features.candidates()) {
      ranked.add(new Scored(c, model.entry(c.x())));
    }
    ranked.sort(
        Comparator.comparingDouble(Scored::probability)
            .reversed()
            .thenComparing(s -> s.entry().id()));
    return ranked;
  }

  /**
   * How close two fitted probabilities must be for a teacher's own entry to move ahead of a parent
   * entry. A design constant, not a fitted or tuned value: within a tenth the model cannot tell the
   * two apart (out of fold its probabilities are calibrated only to about that), so the teacher's
   * own comes first; a larger lead is the model saying the parent entry answers the question (a
   * teacher asking about a pupil who refuses school), and a clear answer must not turn into a
   * choice.
   */
  static final double ABOUT_EQUAL = 0.10;

  /**
   * For a teacher, the list as shown: an entry written for teachers second, of about the same
   * probability ({@link #ABOUT_EQUAL}) as the parent entry first, moves ahead of it; entries for
   * everyone keep their place (they are every reader's own). Returns {@code ranked} itself when
   * nothing moves.
   */
  static List<Scored> ownFirst(List<Scored> ranked, Audience reader) {
    if (reader != Audience.TEACHER
        || ranked.size() < 2
        || ranked.get(0).entry().audience() != Audience.PARENT
        || ranked.get(1).entry().audience() != Audience.TEACHER
        || ranked.get(0).probability() - ranked.get(1).probability() > ABOUT_EQUAL) {
      return ranked;
    }
    List<Scored> reordered = new ArrayList<>(ranked);
    reordered.set(0, ranked.get(1));
    reordered.set(1, ranked.get(0));
    return reordered;
  }

  /**
   * @param answer P(the first entry answers the question)
   * @param offer P(the right entry is among the first two)
   * @param admin P(school administration)
   */
  static Verdict verdict(double answer, double offer, double admin, Thresholds t) {
    if (answer >= t.answer()) {
      return Verdict.ANSWER;
    }
    if (admin >= t.admin()) {
      return Verdict.SCHOOL_ADMIN;
    }
    return offer >= t.choose() ? Verdict.CHOOSE : Verdict.NONE;
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
