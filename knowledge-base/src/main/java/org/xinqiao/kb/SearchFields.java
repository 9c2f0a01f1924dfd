package org.xinqiao.kb;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/** The indexed fields and their weights: questions above keywords above title above body. */
final class SearchFields {
  /** Low length normalisation: entries differ in how many questions they list, not in topic. */
  static final Similarity SIMILARITY = new BM25Similarity(1.2f, 0.3f);

  enum Source {
    QUESTIONS("q", 4.0f, true, Entry::questions),
    KEYWORDS("k", 3.0f, true, Entry::keywords),
    TITLE("t", 2.0f, true, e -> List.of(e.title())),
    BODY("b", 0.4f, false, e -> List.of(e.shortAnswer(), e.steps(), e.whenToSeekHelp()));

    final String prefix;
    final float boost;
    final boolean strong;
    private final Function<Entry, List<String>> texts;

    Source(String prefix, float boost, boolean strong, Function<Entry, List<String>> texts) {
      this.prefix = prefix;
      this.boost = boost;
      this.strong = strong;
      this.texts = texts;
    }

    List<String> texts(Entry entry) {
      return texts.apply(entry);
    }

    String field(String analysis) {
      return prefix + "_" + analysis;
    }
  }

  /** Weight of each way of analysing: synonym groups, whole words, character pairs. */
  static final float CONCEPT_WEIGHT = 1.2f;

  static final float WORD_WEIGHT = 1.0f;
  static final float BIGRAM_WEIGHT = 0.5f;

  private SearchFields() {}

  /** Tokens are indexed pre-analysed, separated by spaces; spaces inside a token become '_'. */
  static String joinTokens(List<String> tokens) {
    return tokens.stream().map(SearchFields::token).collect(Collectors.joining(" "));
  }

  static String token(String raw) {
    return raw.replaceAll("\\s", "_");
  }
}
