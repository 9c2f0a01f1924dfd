package org.xinqiao.kb;

import java.util.Arrays;

/** Developer tool: prints a question's gate features and verdict. Not a test. */
final class DebugQuery {
  public static void main(String[] args) {
    try (KnowledgeBase kb = KnowledgeBase.load(TestContent.forEvaluation())) {
      for (String q : args) {
        GateFeatures.Result features = kb.index().features(q, Audience.BOTH, false);
        System.out.println(q + "\n  admin features " + Arrays.toString(features.admin()));
        features.candidates().stream()
            .limit(5)
            .forEach(c -> System.out.println("  " + c.entry().id() + " " + Arrays.toString(c.x())));
        System.out.println("  " + kb.search(q));
      }
    }
  }
}
