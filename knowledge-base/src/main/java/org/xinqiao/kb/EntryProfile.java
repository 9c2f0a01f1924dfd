package org.xinqiao.kb;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an entry's strong fields (questions, keywords, title) contain, used to measure how much of a
 * question an entry covers.
 */
record EntryProfile(Set<String> words, Set<String> concepts, Set<String> bigrams) {
  static EntryProfile of(List<AnalyzedText> texts) {
    Set<String> words = new HashSet<>();
    Set<String> concepts = new HashSet<>();
    Set<String> bigrams = new HashSet<>();
    for (AnalyzedText text : texts) {
      words.addAll(text.words());
      concepts.addAll(text.concepts());
      bigrams.addAll(text.bigrams());
    }
    return new EntryProfile(words, concepts, bigrams);
  }

  /** Whether this entry mentions the word, a synonym of it, or all its character pairs. */
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
