package org.xinqiao.kb;

import java.util.List;
import java.util.Set;

/**
 * A question/label table ({@link CalibrationSet}'s format): {@code a|b} means either id is right,
 * {@code admin} a school-administration question, {@code -} anything else no entry answers.
 */
record EvalSet(List<Row> rows) {
  record Row(
      String question, Set<String> expected, CalibrationSet.Kind kind, CalibrationSet.Row source) {
    /** Who asks it, as the fitter decides ({@link CalibrationSet.Row#asker}). */
    Audience asker(KnowledgeBase kb) {
      return source.asker(kb.index().snapshot().byId);
    }

    boolean outOfScope() {
      return expected.isEmpty();
    }

    boolean isLong() {
      return question.codePointCount(0, question.length()) >= 30;
    }
  }

  static EvalSet fromClasspath(String resource) {
    return new EvalSet(
        CalibrationSet.fromClasspath(resource).rows().stream()
            .map(r -> new Row(r.question(), r.expected(), r.kind(), r))
            .toList());
  }
}
