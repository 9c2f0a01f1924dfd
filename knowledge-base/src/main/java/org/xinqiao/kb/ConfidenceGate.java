package org.xinqiao.kb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides ANSWER / CHOOSE / NONE. Lucene finds candidates; each is then scored by how much of the
 * question's meaning (words weighted by rarity across entries) its questions, keywords and title
 * cover, blended with its relative Lucene score. That number lies in 0..1 whatever the question's
 * length, so fixed thresholds work; they were calibrated on src/test/resources/kb/calibration.tsv.
 */
final class ConfidenceGate {
  static final int MIN_HITS = 3;

  /** Calibrated thresholds (see CalibrationReport in the tests). */
  static final double ANSWER_AT = 0.55;

  static final double CHOOSE_AT = 0.45;
  static final double CLEAR_MARGIN = 0.08;

  /** Below this much total evidence the question says nothing topical (e.g. "怎么办"). */
  static final double MIN_EVIDENCE = 1.0;

  record Candidate(Entry entry, float luceneScore) {}

  record Scored(Entry entry, double score, double coverage, double relevance) {}

  private ConfidenceGate() {}

  static SearchResult judge(
      AnalyzedText question, List<Candidate> candidates, IndexSnapshot snapshot) {
    Map<String, Double> weights = weights(question, snapshot);
    List<Scored> scored = score(weights, candidates, snapshot);
    double evidence = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    Verdict verdict = verdict(scored, evidence);
    List<Hit> hits = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Scored s : scored) {
      hits.add(new Hit(s.entry().id(), s.entry().title(), round(s.score())));
      seen.add(s.entry().id());
    }
    for (Entry entry : snapshot.entries) {
      if (hits.size() >= MIN_HITS) {
        break;
      }
      if (seen.add(entry.id())) {
        hits.add(new Hit(entry.id(), entry.title(), 0.0));
      }
    }
    return new SearchResult(verdict, hits);
  }

  static Verdict verdict(List<Scored> scored, double evidence) {
    if (scored.isEmpty() || evidence < MIN_EVIDENCE) {
      return Verdict.NONE;
    }
    double top = scored.get(0).score();
    double second = scored.size() > 1 ? scored.get(1).score() : 0;
    if (top >= ANSWER_AT && top - second >= CLEAR_MARGIN) {
      return Verdict.ANSWER;
    }
    if (top >= CHOOSE_AT && second >= CHOOSE_AT) {
      return Verdict.CHOOSE;
    }
    return top >= ANSWER_AT ? Verdict.ANSWER : Verdict.NONE;
  }

  static List<Scored> score(
      Map<String, Double> weights, List<Candidate> candidates, IndexSnapshot snapshot) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    float best = candidates.get(0).luceneScore();
    List<Scored> scored = new ArrayList<>();
    for (Candidate candidate : candidates) {
      EntryProfile profile = snapshot.profiles.get(candidate.entry().id());
      double covered = 0;
      for (Map.Entry<String, Double> unit : weights.entrySet()) {
        if (profile.covers(unit.getKey(), snapshot.groupsOf(unit.getKey()))) {
          covered += unit.getValue();
        }
      }
      double coverage = total == 0 ? 0 : covered / total;
      double relevance = best <= 0 ? 0 : candidate.luceneScore() / best;
      scored.add(new Scored(candidate.entry(), blend(coverage, relevance), coverage, relevance));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed());
    return scored;
  }

  static double blend(double coverage, double relevance) {
    return coverage * (0.6 + 0.4 * relevance);
  }

  /** Rarity weight of each question word: words every entry has (孩子, 怎么办) count for little. */
  static Map<String, Double> weights(AnalyzedText question, IndexSnapshot snapshot) {
    Map<String, Double> weights = new LinkedHashMap<>();
    int n = snapshot.entries.size();
    for (String word : question.words()) {
      if (weights.containsKey(word)) {
        continue;
      }
      Set<String> groups = snapshot.groupsOf(word);
      int df = 0;
      for (EntryProfile profile : snapshot.profiles.values()) {
        if (profile.covers(word, groups)) {
          df++;
        }
      }
      weights.put(word, Math.log((n + 1.0) / (df + 0.5)));
    }
    return weights;
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
