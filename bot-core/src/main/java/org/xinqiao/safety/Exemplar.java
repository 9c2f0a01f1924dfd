package org.xinqiao.safety;

import java.util.Set;

/**
 * One labelled example message of safety/examples/*.tsv (see safety/README.md). Its text is read
 * only to embed it; everywhere else it is named by {@link #ref()}, the file and line.
 *
 * @param person {@code self}, {@code third}, or {@code -} when not known or not relevant
 * @param group near-duplicates share a group: cross-validation keeps a group on one side of a fold
 */
record Exemplar(
    String file,
    int line,
    String text,
    RiskLevel level,
    Set<RiskCategory> categories,
    String person,
    String source,
    String group,
    String note) {

  /** {@code suicide-self.tsv:42}: how a reason names this exemplar without quoting it. */
  String ref() {
    return file + ":" + line;
  }
}
