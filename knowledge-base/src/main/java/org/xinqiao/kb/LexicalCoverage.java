package org.xinqiao.kb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One of the gate's features: how much of the question's meaning (its words, weighted by rarity
 * across entries) an entry's title, keywords and questions cover, in 0..1 whatever the question's
 * length. The weights below define the feature; how much the feature counts is fitted (see {@link
 * GateModel}).
 */
final class LexicalCoverage {
  /** Curated domain words (kb/synonyms.txt) are the strongest sign of what a question is about. */
  private static final double LEXICON_WEIGHT = 2.0;

  /** Other words some entry uses. */
  private static final double KNOWN_WEIGHT = 1.0;

  /** Words no entry uses anywhere: often the real topic of an out-of-scope question (校服). */
  private static final double UNKNOWN_WEIGHT = 1.5;

  /** Credit for a word an entry's example questions use but its keywords and title do not. */
  private static final double MENTIONED_CREDIT = 0.6;

  /** Single characters are ambiguous (写, 买, 收), so they count for less. */
  private static final double SINGLE_CHARACTER_FACTOR = 0.5;

  /**
   * An entry that shares no curated domain word with the question overlaps only incidentally (作文,
   * 几点, 请假), so its coverage is halved.
   */
  private static final double UNANCHORED_FACTOR = 0.5;

  private final Map<String, Double> weights;
  private final double total;

  private LexicalCoverage(Map<String, Double> weights) {
    this.weights = weights;
    this.total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  static LexicalCoverage of(AnalyzedText question, IndexSnapshot snapshot) {
    return new LexicalCoverage(weights(question, snapshot));
  }

  /** The share of the question's weight that {@code entry} covers, in 0..1. */
  double of(Entry entry, IndexSnapshot snapshot) {
    if (total == 0) {
      return 0;
    }
    EntryProfile profile = snapshot.profiles.get(entry.id());
    double covered = 0;
    boolean anchored = false;
    for (Map.Entry<String, Double> unit : weights.entrySet()) {
      String word = unit.getKey();
      double credit = profile.credit(word, snapshot.groupsOf(word), MENTIONED_CREDIT);
      covered += unit.getValue() * credit;
      anchored |= credit > 0 && snapshot.isLexiconWord(word);
    }
    return covered / total * (anchored ? 1 : UNANCHORED_FACTOR);
  }

  /**
   * Weight of each topical word of the question: curated domain words count most, then words the
   * knowledge base knows, scaled down when many entries share them; question frames (怎么办) and words
   * like 孩子 count nothing.
   */
  private static Map<String, Double> weights(AnalyzedText question, IndexSnapshot snapshot) {
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
}
