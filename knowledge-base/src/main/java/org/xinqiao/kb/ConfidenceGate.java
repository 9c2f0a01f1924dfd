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

  /**
   * Calibrated on kb/calibration.tsv (see CalibrationReport): at 0.55 no out-of-scope question of
   * the dev style reached ANSWER while most in-scope ones did.
   */
  static final double ANSWER_AT = 0.55;

  /** Between CHOOSE_AT and ANSWER_AT the bot offers the two best titles instead of guessing. */
  static final double CHOOSE_AT = 0.40;

  /** A confident top hit still becomes CHOOSE when the second is this close. */
  static final double CLEAR_MARGIN = 0.08;

  /** Below this much total topical weight the question says nothing topical (e.g. "在吗"). */
  static final double MIN_EVIDENCE = 0.5;

  record Candidate(Entry entry, float luceneScore) {}

  record Scored(Entry entry, double score, double coverage, double relevance) {}

  /**
   * An entry that shares no curated domain word with the question overlaps only incidentally (作文,
   * 几点, 请假), so its score is scaled down below the answer threshold.
   */
  static final double UNANCHORED_FACTOR = 0.5;

  private ConfidenceGate() {}

  static SearchResult judge(
      AnalyzedText question, List<Candidate> candidates, IndexSnapshot snapshot, Audience reader) {
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
      if (entry.audience().suits(reader) && seen.add(entry.id())) {
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
    return top >= CHOOSE_AT && scored.size() > 1 ? Verdict.CHOOSE : Verdict.NONE;
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
      boolean anchored = false;
      for (Map.Entry<String, Double> unit : weights.entrySet()) {
        String word = unit.getKey();
        double credit = profile.credit(word, snapshot.groupsOf(word), MENTIONED_CREDIT);
        covered += unit.getValue() * credit;
        anchored |= credit > 0 && snapshot.isLexiconWord(word);
      }
      double coverage = total == 0 ? 0 : covered / total;
      double relevance = best <= 0 ? 0 : candidate.luceneScore() / best;
      scored.add(
          new Scored(
              candidate.entry(),
              blend(coverage, relevance) * (anchored ? 1 : UNANCHORED_FACTOR),
              coverage,
              relevance));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed());
    return scored;
  }

  static final double RELEVANCE_SHARE = Double.parseDouble(System.getProperty("kb.rel", "0.4"));

  static double blend(double coverage, double relevance) {
    return coverage * (1 - RELEVANCE_SHARE + RELEVANCE_SHARE * relevance);
  }

  /** Curated domain words (kb/synonyms.txt) are the strongest sign of what a question is about. */
  static final double LEXICON_WEIGHT = Double.parseDouble(System.getProperty("kb.lex", "2.0"));

  /** Other words some entry uses. */
  static final double KNOWN_WEIGHT = Double.parseDouble(System.getProperty("kb.known", "1.0"));

  /** Words no entry uses anywhere: often the real topic of an out-of-scope question (校服). */
  static final double UNKNOWN_WEIGHT = Double.parseDouble(System.getProperty("kb.unknown", "1.5"));

  /** Credit for a word an entry's example questions use but its keywords and title do not. */
  static final double MENTIONED_CREDIT =
      Double.parseDouble(System.getProperty("kb.mentioned", "0.6"));

  /** Single characters are ambiguous (写, 买, 收), so they count for less. */
  static final double SINGLE_CHARACTER_FACTOR =
      Double.parseDouble(System.getProperty("kb.single", "0.5"));

  /**
   * Weight of each topical word of the question: curated domain words count most, then words the
   * knowledge base knows, scaled down when many entries share them; question frames (怎么办) and words
   * like 孩子 count nothing.
   */
  static Map<String, Double> weights(AnalyzedText question, IndexSnapshot snapshot) {
    Map<String, Double> weights = new LinkedHashMap<>();
    int n = snapshot.entries.size();
    double maxIdf = Math.log((n + 1.0) / 0.5);
    for (String word : question.words()) {
      if (weights.containsKey(word) || snapshot.isQuestionWord(word)) {
        continue;
      }
      Set<String> groups = snapshot.groupsOf(word);
      double weight;
      if (!snapshot.vocabulary.covers(word, groups)) {
        weight = UNKNOWN_WEIGHT;
      } else {
        int df = 0;
        for (EntryProfile profile : snapshot.profiles.values()) {
          if (profile.credit(word, groups, 1) > 0) {
            df++;
          }
        }
        double idf = Math.log((n + 1.0) / (df + 0.5));
        double base = snapshot.isLexiconWord(word) ? LEXICON_WEIGHT : KNOWN_WEIGHT;
        weight = base * (0.5 + 0.5 * Math.min(1, idf / maxIdf));
      }
      if (word.codePointCount(0, word.length()) == 1) {
        weight *= SINGLE_CHARACTER_FACTOR;
      }
      weights.put(word, weight);
    }
    return weights;
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
