package org.xinqiao.kb;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an entry's strong fields contain, used to measure how much of a question it covers. Words in
 * its keywords and title, and the synonym groups it mentions, are its topic ({@code topical});
 * words that only occur in its example questions are weaker evidence ({@code mentioned}).
 */
record EntryProfile(Vocabulary topical, Vocabulary mentioned) {
  /** The words, synonym groups and character pairs of some texts. */
  record Vocabulary(Set<String> words, Set<String> concepts, Set<String> bigrams) {
    static Vocabulary of(List<AnalyzedText> texts) {
      Set<String> words = new HashSet<>();
      Set<String> concepts = new HashSet<>();
      Set<String> bigrams = new HashSet<>();
      for (AnalyzedText text : texts) {
        words.addAll(text.words());
        concepts.addAll(text.concepts());
        bigrams.addAll(text.bigrams());
      }
      return new Vocabulary(words, concepts, bigrams);
    }

    /** Whether these texts use the word, a synonym of it, or all its character pairs. */
    boolean covers(String word, Set<String> groups) {
      if (words.contains(word)) {
        return true;
      }
      for (String group : groups) {
        if (concepts.contains(group)) {
          return true;
        }
      }
      List<String> pairs = Segmenter.bigrams(word);
      return word.length() >= 2 && !pairs.isEmpty() && bigrams.containsAll(pairs);
    }
  }

  static EntryProfile of(List<AnalyzedText> topicTexts, List<AnalyzedText> questionTexts) {
    return new EntryProfile(Vocabulary.of(topicTexts), Vocabulary.of(questionTexts));
  }

  /** 1 when the word is part of this entry's topic, a fraction when only mentioned, else 0. */
  double credit(String word, Set<String> groups, double mentionedCredit) {
    if (topical.covers(word, groups)) {
      return 1;
    }
    return mentioned.covers(word, groups) ? mentionedCredit : 0;
  }
}
