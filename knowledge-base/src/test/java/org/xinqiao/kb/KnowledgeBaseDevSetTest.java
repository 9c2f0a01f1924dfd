package org.xinqiao.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accuracy on the shared dev set and on this module's own calibration sets. Floors sit slightly
 * under the measured figures so that a regression fails the build.
 */
class KnowledgeBaseDevSetTest {
  private static KnowledgeBase kb;

  @BeforeAll
  static void load() {
    kb = KnowledgeBase.load(TestContent.forEvaluation());
  }

  @AfterAll
  static void close() {
    kb.close();
  }

  @Test
  void devSetAccuracyStaysAboveFloors() {
    Evaluation dev = Evaluation.run(kb, EvalSet.fromClasspath("eval/kb-dev.tsv"));
    System.out.println(dev.summary("kb-dev"));
    dev.misses().forEach(m -> System.out.println("  " + m));
    assertThat(dev.top1()).as("top-1").isGreaterThanOrEqualTo(0.95);
    assertThat(dev.top3()).as("top-3").isGreaterThanOrEqualTo(0.98);
    assertThat(dev.falseAnswerRate()).as("out-of-scope answered").isLessThanOrEqualTo(0.0);
    assertThat(dev.answeredInScope()).as("in-scope answered right").isGreaterThanOrEqualTo(0.93);
  }

  @Test
  void calibrationSetsStayAboveFloors() {
    Evaluation cal = Evaluation.run(kb, EvalSet.fromClasspath("kb/calibration.tsv"));
    Evaluation held = Evaluation.run(kb, EvalSet.fromClasspath("kb/calibration-holdout.tsv"));
    System.out.println(cal.summary("calibration"));
    System.out.println(held.summary("calibration-holdout"));
    assertThat(cal.top1()).as("calibration top-1").isGreaterThanOrEqualTo(0.92);
    assertThat(cal.falseAnswerRate()).as("calibration out-of-scope answered").isLessThan(0.07);
    assertThat(held.top1()).as("holdout top-1").isGreaterThanOrEqualTo(0.88);
    assertThat(held.top3()).as("holdout top-3").isGreaterThanOrEqualTo(0.94);
    assertThat(held.falseAnswerRate()).as("holdout out-of-scope answered").isLessThan(0.07);
  }
}
