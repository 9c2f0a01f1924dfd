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
    Verdict verdict =
        ranked.isEmpty()
            ? Verdict.NONE
            : verdict(
                model.answer(GateFeatures.answer(ranked, features)),
                ranked.get(0).probability(),
                model.admin(features.admin()),
                model.thresholds());
    if (reader == Audience.TEACHER && (verdict == Verdict.ANSWER || verdict == Verdict.CHOOSE)) {
      List<Scored> ownFirst = ownFirst(ranked, model.thresholds().choose());
      if (ownFirst.get(0) != ranked.get(0)) {
        // A teacher entry is relevant too: offer it first, with the parent entry beside it.
        ranked = ownFirst;
        verdict = Verdict.CHOOSE;
      }
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
   * Entries written for teachers (or everyone) that are likely enough to be offered move ahead of
   * parent entries; the order is otherwise kept.
   */
  private static List<Scored> ownFirst(List<Scored> ranked, double relevant) {
    List<Scored> reordered = new ArrayList<>(ranked);
    reordered.sort(
        Comparator.comparing(
            s -> !(s.probability() >= relevant && s.entry().audience() != Audience.PARENT)));
    return reordered;
  }

  /**
   * @param answer P(the first entry answers the question)
   * @param best the first entry's own probability
   * @param admin P(school administration)
   */
  static Verdict verdict(double answer, double best, double admin, Thresholds t) {
    if (answer >= t.answer()) {
      return Verdict.ANSWER;
    }
    if (admin >= t.admin()) {
      return Verdict.SCHOOL_ADMIN;
    }
    return best >= t.choose() ? Verdict.CHOOSE : Verdict.NONE;
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
