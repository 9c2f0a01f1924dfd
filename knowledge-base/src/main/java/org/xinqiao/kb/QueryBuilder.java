package org.xinqiao.kb;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the Lucene query from analysed tokens. User text never reaches a query parser, so
 * operators such as AND, *, ~ and : are just characters.
 */
final class QueryBuilder {
  /** Bounds the clause count (4 sources x 3 analyses x this) well below Lucene's 1024. */
  static final int MAX_TOKENS_PER_ANALYSIS = 48;

  private QueryBuilder() {}

  static Query build(AnalyzedText question) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (SearchFields.Source source : SearchFields.Source.values()) {
      add(
          query,
          source.field("c"),
          question.concepts(),
          source.boost * SearchFields.CONCEPT_WEIGHT);
      add(query, source.field("w"), question.words(), source.boost * SearchFields.WORD_WEIGHT);
      add(query, source.field("g"), question.bigrams(), source.boost * SearchFields.BIGRAM_WEIGHT);
    }
    return query.build();
  }

  private static void add(
      BooleanQuery.Builder query, String field, List<String> tokens, float boost) {
    Set<String> unique = new LinkedHashSet<>(tokens);
    int count = 0;
    for (String token : unique) {
      if (count++ == MAX_TOKENS_PER_ANALYSIS) {
        break;
      }
      Query term = new TermQuery(new Term(field, SearchFields.token(token)));
      query.add(new BoostQuery(term, boost), BooleanClause.Occur.SHOULD);
    }
  }
}
