package org.xinqiao.kb;

import java.util.List;

/** The verdict and at least three hits, best first (fewer only when there are fewer entries). */
public record SearchResult(Verdict verdict, List<Hit> hits) {
  public SearchResult {
    hits = List.copyOf(hits);
  }

  /** True when the bot should send the top hit's answer on its own. */
  public boolean answered() {
    return verdict == Verdict.ANSWER;
  }
}
