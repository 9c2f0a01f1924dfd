package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole assessor (rules, nearest exemplars, head, context) with the shipped model. Sentences
 * are written for this test, not taken from the exemplar files.
 */
class SemanticLayerTest {

  private static final RiskAssessor whole = SharedAssessor.get();
  private static final RiskAssessor rules = RiskAssessor.rulesOnly();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "我想死",
        "孩子说不想活了",
        "我现在就在楼顶，准备跳下去了",
        "爸爸用皮带抽我",
        "我没有想死",
        "笑死，我想死",
        "我撑不下去了",
        "孩子被同学欺负了",
        "孩子不想上学，早上一直哭怎么办"
      })
  void neverLowersWhatARuleSaid(String text) {
    RiskAssessment byRules = rules.assess(text);
    RiskAssessment all = whole.assess(text);
    assertThat(all.level()).as(text).isGreaterThanOrEqualTo(byRules.level());
    assertThat(all.ruleIds()).as(text).containsAll(byRules.ruleIds());
    assertThat(all.categories()).as(text).containsAll(byRules.categories());
  }

  @ParameterizedTest
  @ValueSource(strings = {"I want to end my life", "我的东西都送人了，以后用不上了", "wo bu xiang huo le"})
  void raisesPhrasingsNoRuleKnowsAndSaysWhy(String text) {
    assertThat(rules.assess(text).level()).as(text).isLessThan(RiskLevel.HIGH);
    RiskAssessment a = whole.assess(text);
    assertThat(a.level()).as(text).isGreaterThanOrEqualTo(RiskLevel.HIGH);
    assertThat(a.ask()).isFalse();
    assertThat(a.why()).extracting(Reason::layer).contains(Reason.Layer.EXEMPLAR);
    assertThat(a.why()).allSatisfy(r -> assertThat(r.ref()).doesNotContain("东西", "life", "huo"));
    assertThat(a.categories()).isNotEmpty();
  }

  @Test
  void recognisesAPlanWithATimeAndAnActInProgressAsImminent() {
    for (String text :
        List.of("wo xian zai jiu zai lou ding shang", "ming tian wo jiu bu zai le")) {
      assertThat(rules.assess(text).level()).as(text).isEqualTo(RiskLevel.NONE);
      assertThat(whole.assess(text).level()).as(text).isEqualTo(RiskLevel.IMMINENT);
    }
    // only high with the clause model alone; imminent again since the imminent gram head
    String english = "I am going to kill myself tonight";
    assertThat(rules.assess(english).level()).isEqualTo(RiskLevel.NONE);
    assertThat(whole.assess(english).level()).isEqualTo(RiskLevel.IMMINENT);
  }

  @Test
  void anUncertainSignalAsksInsteadOfPaging() {
    RiskAssessment a = whole.assess("I'm not sure I can keep doing this");
    assertThat(a.level()).isLessThan(RiskLevel.HIGH);
    assertThat(a.ask()).isTrue();
    assertThat(a.why()).isNotEmpty();
  }

  @Test
  void fullPinyinIsReadBackIntoCharacters() {
    // the rules cannot read pinyin; read back into characters, "活着没意思" is one of theirs
    String text = "wo jue de huo zhe mei yi si";
    assertThat(rules.assess(text).level()).isLessThan(RiskLevel.HIGH);
    assertThat(whole.assess(text).level()).isGreaterThanOrEqualTo(RiskLevel.HIGH);
    // the character grams of the pinyin exemplars raise it already; read back, the rules see it too
    assertThat(SharedAssessor.semantic().readPinyin(text)).isEqualTo("我觉得活着没意思");
    assertThat(whole.assess("wo xiang yu yue xin li lao shi").level()).isLessThan(RiskLevel.HIGH);
  }

  @Test
  void anOrdinaryLineRightAfterARiskyOneKeepsItsLevel() {
    String risky = "我现在在楼顶，准备跳下去";
    RiskAssessment first = whole.assess(risky);
    assertThat(first.level()).isEqualTo(RiskLevel.IMMINENT);
    RiskAssessment next = whole.assess("好的", List.of(first), List.of(risky));
    assertThat(next.level()).isEqualTo(RiskLevel.IMMINENT);
    assertThat(next.ruleIds()).contains(RiskAssessor.CARRIED_OVER);
    assertThat(whole.assess("好的").level()).isEqualTo(RiskLevel.NONE);
  }

  @Test
  void aHarmlessExplanationEndsTheCarryOverButAJokeDoesNot() {
    String roof = "我在天台";
    RiskAssessment first = whole.assess(roof);
    RiskAssessment explained = whole.assess("帮我妈收被子，要下雨了，衣服都快湿了", List.of(first), List.of(roof));
    assertThat(explained.ruleIds()).doesNotContain(RiskAssessor.CARRIED_OVER);
    assertThat(explained.level()).isLessThan(RiskLevel.HIGH);
    String die = "我不想活了";
    RiskAssessment said = whole.assess(die);
    assertThat(whole.assess("开玩笑的", List.of(said), List.of(die)).level())
        .isGreaterThanOrEqualTo(RiskLevel.HIGH);
  }

  /**
   * A question about something else dilutes the risky line before it when the two are read
   * together, as an explanation does, but explains nothing: the risk carries over. Retractions in
   * English ("lol ignore that") carry it too.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "老师，我真的好想死掉 | 下节课是数学吗",
        "孩子手腕上好多划痕，她承认是自己弄的 | 周五几点放学来着",
        "sometimes I want to kill myself | anyway what time does sports day start",
        "I keep thinking everyone would be better off without me | lol ignore that, I'm fine",
      })
  void aQuestionOrARetractionAfterARiskyLineDoesNotSettleIt(String risky, String next) {
    RiskAssessment first = whole.assess(risky);
    assertThat(first.level()).as(risky).isGreaterThanOrEqualTo(RiskLevel.HIGH);
    RiskAssessment after = whole.assess(next, List.of(first), List.of(risky));
    assertThat(after.level()).as(next).isGreaterThanOrEqualTo(RiskLevel.HIGH);
    assertThat(whole.assess(next).level()).as(next + " alone").isLessThan(RiskLevel.HIGH);
  }

  @Test
  void aNegationTheRulesReadIsNotRaisedByTheEmbedding() {
    RiskAssessment a = whole.assess("我没有想死");
    assertThat(a.level()).isEqualTo(RiskLevel.CONCERN);
    assertThat(a.ruleIds()).contains("s.want-die(negated)");
  }

  @Test
  void askIsOnlyEverBelowHigh() {
    for (String text : List.of("我想死", "wo bu xiang huo le", "我好累好痛苦", "今天天气不错")) {
      RiskAssessment a = whole.assess(text);
      if (a.atLeast(RiskLevel.HIGH)) {
        assertThat(a.ask()).as(text).isFalse();
      }
    }
  }

  @Test
  void anEarlierWishToDieMakesALaterPainfulMessageHigh() {
    String earlier = "我真的不想活了";
    String now = "我好累好痛苦";
    assertThat(whole.assess(now).level()).isLessThan(RiskLevel.HIGH);
    RiskAssessment inContext = whole.assess(now, List.of(whole.assess(earlier)), List.of(earlier));
    assertThat(inContext.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(inContext.why()).extracting(Reason::layer).contains(Reason.Layer.CONTEXT);
  }

  @Test
  void harmlessQuestionsInARowStayHarmless() {
    List<String> earlier = List.of("孩子写作业拖拉怎么办", "孩子不想上学，早上一直哭怎么办");
    RiskAssessment a =
        whole.assess("怎么跟孩子沟通比较好", earlier.stream().map(whole::assess).toList(), earlier);
    assertThat(a.level()).isLessThan(RiskLevel.HIGH);
    assertThat(a.ask()).isFalse();
  }

  /**
   * The context layer does not read a bland question as risky; the risk said a moment before
   * carries over to it instead (the question joins the open case, no second page), as the README
   * promises for "a question about the parents' meeting".
   */
  @Test
  void aBlandQuestionAfterARiskyLineIsNotReadAsRiskyButTheRiskCarriesOver() {
    String earlier = "我真的不想活了";
    RiskAssessment a =
        whole.assess("请问下周三的家长会几点开始", List.of(whole.assess(earlier)), List.of(earlier));
    assertThat(a.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(a.ruleIds()).containsExactly(RiskAssessor.CARRIED_OVER);
    assertThat(a.why()).extracting(Reason::layer).doesNotContain(Reason.Layer.CONTEXT);
  }
}
