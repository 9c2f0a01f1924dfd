package org.xinqiao.bench;

import java.util.ArrayList;
import java.util.List;
import org.xinqiao.safety.RiskAssessor;
import org.xinqiao.semantic.TextEmbedder;

/**
 * A benchmark, run by hand (README "Costs"): the whole safety assessment of one message (rules,
 * exemplars, head, and the person's two earlier messages as context), as the pipeline calls it,
 * over 1,000 varied messages after a warm-up. Distinct texts, so the embedding cache does not help.
 */
public final class SafetyAssessmentBench {

  private static final String[] PARTS = {"孩子最近", "我这几天", "学生今天", "女儿说", "儿子总是", "班上有个孩子", "我觉得"};
  private static final String[] ENDS = {
    "不想上学", "睡不着觉", "作业写到很晚", "和同学吵架了", "心情不好", "特别累", "不爱说话", "玩手机停不下来", "被老师批评了", "考试没考好"
  };

  private SafetyAssessmentBench() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    RiskAssessor assessor = RiskAssessor.fromClasspath();
    System.out.printf("assessor loaded in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      texts.add(PARTS[i % PARTS.length] + ENDS[(i / PARTS.length) % ENDS.length] + "，第" + i + "次");
    }
    List<Long> took = new ArrayList<>();
    long embedded = 0;
    for (int i = 2; i < texts.size(); i++) {
      if (i == 200) {
        embedded = TextEmbedder.shared().computed();
      }
      List<String> earlier = texts.subList(i - 2, i);
      long s = System.nanoTime();
      assessor.assess(texts.get(i), earlier.stream().map(assessor::assess).toList(), earlier);
      if (i >= 200) {
        took.add(System.nanoTime() - s);
      }
    }
    embedded = TextEmbedder.shared().computed() - embedded;
    took.sort(null);
    System.out.printf(
        "messages=%d p50=%.2fms p99=%.2fms max=%.2fms embeddings/message=%.2f%n",
        took.size(),
        took.get(took.size() / 2) / 1e6,
        took.get((int) (took.size() * 0.99)) / 1e6,
        took.get(took.size() - 1) / 1e6,
        (double) embedded / took.size());
  }
}
