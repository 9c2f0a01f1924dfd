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
    List<Scored> ranked = rank(features, model, reader);
    Verdict verdict =
        ranked.isEmpty()
            ? Verdict.NONE
            : verdict(
                model.answer(GateFeatures.answer(ranked, features)),
                ranked.get(0).probability(),
                model.admin(features.admin()),
                model);
    List<Hit> hits = new ArrayList<>();
    for (Scored s : ranked.subList(0, Math.min(HITS, ranked.size()))) {
      hits.add(new Hit(s.entry().id(), s.entry().title(), round(s.probability())));
    }
    return new SearchResult(verdict, hits);
  }

  /**
   * Best first. A teacher sees the relevant entries written for teachers (or for everyone) before
   * parent entries: "relevant" meaning likely enough to be offered as a choice.
   */
  static List<Scored> rank(GateFeatures.Result features, GateModel model, Audience reader) {
    List<Scored> ranked = new ArrayList<>();
    for (GateFeatures.Candidate c : features.candidates()) {
      ranked.add(new Scored(c, model.entry(c.x())));
    }
    Comparator<Scored> byProbability =
        Comparator.comparingDouble(Scored::probability)
            .reversed()
            .thenComparing(s -> s.entry().id());
    if (reader == Audience.TEACHER) {
      Comparator<Scored> ownFirst =
          Comparator.comparing(
              s ->
                  !(s.probability() >= model.thresholds().choose()
                      && s.entry().audience() != Audience.PARENT));
      ranked.sort(ownFirst.thenComparing(byProbability));
    } else {
      ranked.sort(byProbability);
    }
    return ranked;
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

  private static Verdict verdict(double answer, double best, double admin, GateModel model) {
    return verdict(answer, best, admin, model.thresholds());
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
