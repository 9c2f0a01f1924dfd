package org.xinqiao.kb;

import java.util.Map;

/** Developer tool: prints how questions are analysed and scored. Not a test. */
final class DebugQuery {
  public static void main(String[] args) {
    try (KnowledgeBase kb = KnowledgeBase.load(TestContent.forEvaluation())) {
      Segmenter segmenter = new Segmenter(Lexicon.fromClasspath());
      for (String q : args) {
        AnalyzedText a = segmenter.analyze(q);
        System.out.println(q + "\n  words=" + a.words() + "\n  concepts=" + a.concepts());
        IndexSnapshot snap = kbSnapshot(kb);
        Map<String, Double> w = ConfidenceGate.weights(a, snap);
        System.out.println("  weights=" + w);
        SearchResult r = kb.search(q);
        System.out.println("  " + r);
      }
    }
  }

  private static IndexSnapshot kbSnapshot(KnowledgeBase kb) {
    try {
      var f = KnowledgeBase.class.getDeclaredField("index");
      f.setAccessible(true);
      return ((KbIndex) f.get(kb)).snapshot();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
