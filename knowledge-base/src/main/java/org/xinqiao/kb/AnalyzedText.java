package org.xinqiao.kb;

import java.util.List;

/**
 * A text seen three ways: words (domain words kept whole, the rest segmented by smartcn), synonym
 * groups of those words, and character bigrams (robust to segmentation errors and typos).
 */
record AnalyzedText(List<String> words, List<String> concepts, List<String> bigrams) {
  boolean isEmpty() {
    return words.isEmpty() && concepts.isEmpty() && bigrams.isEmpty();
  }
}
