package org.xinqiao.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A teacher's own entries come first only when the model cannot tell them from the parent entry
 * ({@link HybridGate#ABOUT_EQUAL}): a clear answer about a pupil stays an answer.
 */
class TeacherOwnFirstTest {
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
  void aTeacherAskingAboutAPupilWhoRefusesSchoolIsAnsweredWithTheParentEntry() {
    SearchResult result =
        kb.search("班上有个学生这两个星期总是请假，说一到学校就肚子疼，家长说他在家哭着不肯来上学，我作为班主任能做些什么", Audience.TEACHER);
    assertThat(result.verdict()).isEqualTo(Verdict.ANSWER);
    assertThat(result.hits().get(0).id()).isEqualTo("school-refusal");
  }

  @Test
  void aTeacherAskingAboutTheirOwnBurnoutGetsTheTeacherEntryFirst() {
    SearchResult result = kb.search("我当了十几年老师，最近对什么都提不起劲，上课像走过场，感觉整个人被掏空了", Audience.TEACHER);
    assertThat(result.hits().get(0).id()).isEqualTo("teacher-burnout");
    assertThat(result.verdict()).isIn(Verdict.ANSWER, Verdict.CHOOSE);
  }

  @Test
  void onlyAboutEqualProbabilitiesPutTheTeachersOwnEntryFirst() {
    List<HybridGate.Scored> close =
        List.of(scored("school-refusal", 0.55), scored("student-warning-signs", 0.50));
    List<HybridGate.Scored> clear =
        List.of(scored("school-refusal", 0.84), scored("student-warning-signs", 0.50));
    assertThat(HybridGate.ownFirst(close, Audience.TEACHER).get(0).entry().id())
        .isEqualTo("student-warning-signs");
    assertThat(HybridGate.ownFirst(clear, Audience.TEACHER)).isSameAs(clear);
    assertThat(HybridGate.ownFirst(close, Audience.PARENT)).isSameAs(close);
  }

  private static HybridGate.Scored scored(String id, double probability) {
    Entry entry = kb.entry(id).orElseThrow();
    return new HybridGate.Scored(new GateFeatures.Candidate(entry, new double[0]), probability);
  }
}
