package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Named behaviours of the risk check, with sentences written for this test (not the dev set). */
class RiskAssessorBehaviourTest {

  private static RiskAssessor assessor;

  @BeforeAll
  static void load() {
    assessor =
        RiskAssessor.rulesOnly(); // the rules on their own; the whole assessor: SemanticLayerTest
  }

  private static RiskLevel level(String text) {
    return assessor.assess(text).level();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "我家娃昨晚哭着说不想活了",
        "老师，我们班一个学生说他想去死",
        "女儿最近总说活着没意思",
        "儿子在日记里写想从这个世界消失",
        "孩子手腕上有好多划痕，问她也不说",
        "学生跟我说她用圆规扎自己",
        "闺女说她想跳楼",
      })
  void escalatesWhenParentReportsChildWantsToDie(String text) {
    assertThat(level(text)).as(text).isGreaterThanOrEqualTo(RiskLevel.HIGH);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "孩子说班上的体育老师总摸她屁股",
        "继父晚上进我房间脱我衣服",
        "我女儿说邻居哥哥让她摸他下面，还说是秘密",
        "后妈天天用晾衣杆打我",
        "爸爸喝醉了就掐我脖子",
        "孩子身上青一块紫一块，问他说是爸爸打的",
      })
  void treatsAbuseDisclosureAsHigh(String text) {
    assertThat(assessor.assess(text).level()).as(text).isGreaterThanOrEqualTo(RiskLevel.HIGH);
    assertThat(assessor.assess(text).categories())
        .as(text)
        .containsAnyOf(RiskCategory.ABUSE, RiskCategory.SEXUAL_ABUSE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "我现在站在天台边上",
        "药我都攒好了，今晚就吃",
        "我已经写好遗书了，再见了大家",
        "孩子爬到窗台上说要跳下去",
        "我刚吃了一整瓶安眠药",
        "我准备今晚去跳河",
      })
  void recognisesImminentDanger(String text) {
    assertThat(level(text)).as(text).isEqualTo(RiskLevel.IMMINENT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "笑死我了哈哈哈",
        "今天上班累死了",
        "热死了，空调坏了",
        "宝贝，妈妈想死你了",
        "困死了，明天再说",
        "饿死了，什么时候开饭",
        "这件衣服丑死了",
        "作业多得要死",
        "孩子气死我了，又不写作业",
        "吓死我了，孩子差点摔倒",
      })
  void hyperboleDoesNotPage(String text) {
    assertThat(level(text)).as(text).isLessThan(RiskLevel.HIGH);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "孩子天天玩吃鸡，被人杀了就发脾气",
        "儿子打农药输了在哭",
        "游戏里被杀了十几次",
        "他一局击杀了二十个人",
        "王者荣耀里我又死了",
      })
  void gameTalkDoesNotPage(String text) {
    assertThat(level(text)).as(text).isLessThan(RiskLevel.HIGH);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "跳楼价！全场五折",
        "老板跳楼大甩卖",
        "紫砂壶怎么开壶",
        "新闻说有个明星自杀了，孩子问我为什么",
        "电视剧里的坏人被打死了",
        "爷爷去世了怎么跟孩子说",
        "怎么教孩子防性侵",
        "如何预防校园欺凌",
        "自杀式袭击是什么意思",
        "孩子不小心割到手了",
      })
  void pricesTeaNewsAndEducationDoNotPage(String text) {
    assertThat(level(text)).as(text).isLessThan(RiskLevel.HIGH);
  }

  @Test
  void trapsAreNarrow() {
    assertThat(level("笑死，我想死")).isGreaterThanOrEqualTo(RiskLevel.HIGH);
    assertThat(level("累死了，真的不想活了")).isGreaterThanOrEqualTo(RiskLevel.HIGH);
    assertThat(level("新闻说有人跳楼了，我也想去死")).isGreaterThanOrEqualTo(RiskLevel.HIGH);
    assertThat(level("玩农药输了，我想喝农药")).isGreaterThanOrEqualTo(RiskLevel.HIGH);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "好想紫砂",
        "我想zisha",
        "我想si",
        "真的想4了",
        "我 想 死",
        "我想。死",
        "想_死_了",
        "我想結束生命",
        "想死死死死死",
        "ｗｏ想自杀",
        "我想自ｓ",
        "不想活了！！！",
        "我想\u200b死",
      })
  void pinyinEvasionIsCaught(String text) {
    assertThat(level(text)).as(text).isGreaterThanOrEqualTo(RiskLevel.HIGH);
  }

  @Test
  void negationLowersButNeverSilences() {
    assertThat(level("我没有想死")).isEqualTo(RiskLevel.CONCERN);
    assertThat(level("我从来没想过自杀")).isEqualTo(RiskLevel.CONCERN);
    assertThat(level("我不会去自杀的")).isEqualTo(RiskLevel.CONCERN);
    assertThat(level("我不想活了")).isEqualTo(RiskLevel.HIGH); // not a negation
    assertThat(level("有没有自杀的方法")).isEqualTo(RiskLevel.HIGH); // a question, not a negation
    assertThat(level("我不想死，可是我真的想死")).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void jokingDoesNotCloseRisk() {
    RiskAssessment first = assessor.assess("我想死");
    assertThat(first.level()).isEqualTo(RiskLevel.HIGH);
    RiskAssessment retraction = assessor.assess("开玩笑的啦，别当真", List.of(first));
    assertThat(retraction.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(retraction.ruleIds()).contains("context.retraction-keeps-risk");
    assertThat(level("我想死，开玩笑的")).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void repeatedConcernRaisesToHigh() {
    RiskAssessment one = assessor.assess("最近每天都想哭");
    RiskAssessment two = assessor.assess("感觉没人在乎我");
    assertThat(one.level()).isEqualTo(RiskLevel.CONCERN);
    assertThat(two.level()).isEqualTo(RiskLevel.CONCERN);
    assertThat(assessor.assess("我什么都不想做", List.of(one)).level()).isEqualTo(RiskLevel.CONCERN);
    RiskAssessment third = assessor.assess("我什么都不想做", List.of(one, two));
    assertThat(third.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(third.ruleIds()).contains("context.repeated-concern");
    assertThat(assessor.assess("孩子写作业拖拉怎么办", List.of(one, two)).level()).isEqualTo(RiskLevel.NONE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "孩子不想上学，早上一直哭怎么办",
        "孩子最近总是睡不着",
        "孩子情绪低落不爱说话",
        "当班主任压力太大晚上失眠",
        "孩子是不是抑郁了",
        "孩子不肯吃饭怎么办",
        "女儿一输了比赛就崩溃大哭，正常吗",
        "儿子没有朋友，下课总一个人，怎么帮他",
        "我问孩子为什么睡不着，他也不说",
        "我家孩子放学就把自己关在房间里",
      })
  void parentQuestionsAboutCommonBehaviourStayNone(String text) {
    assertThat(assessor.assess(text)).as(text).isEqualTo(RiskAssessment.NONE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"我每天都想哭", "我撑不下去了", "我好累好痛苦", "我撑不下去了怎么办", "最近每天都想哭，什么都不想做", "我对什么都提不起兴趣，晚上也睡不着"})
  void firstPersonDistressStaysConcernAndCounts(String text) {
    RiskAssessment a = assessor.assess(text);
    assertThat(a.level()).as(text).isEqualTo(RiskLevel.CONCERN);
    assertThat(a.repeats()).as(text).isTrue();
  }

  @Test
  void repeatedFirstPersonDistressStillRaisesToHigh() {
    RiskAssessment one = assessor.assess("我每天都想哭");
    RiskAssessment two = assessor.assess("我撑不下去了怎么办");
    RiskAssessment three = assessor.assess("我好累好痛苦", List.of(one, two));
    assertThat(three.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(three.ruleIds()).contains("context.repeated-concern");
  }

  @Test
  void aParentsQuestionsDoNotAddUpToAPage() {
    List<RiskAssessment> recent = new java.util.ArrayList<>();
    for (String text :
        List.of(
            "孩子被同学欺负了",
            "孩子说她好痛苦，我该怎么帮她",
            "孩子这几周都不愿意说话，也不吃饭",
            "女儿被同学孤立了，回来一直哭",
            "孩子说班上没人喜欢她，怎么开导")) {
      RiskAssessment a = assessor.assess(text, recent);
      assertThat(a.level()).as(text).isEqualTo(RiskLevel.CONCERN);
      assertThat(a.repeats()).as(text).isFalse();
      recent.add(a);
    }
    // a parent's own distress after them still counts, but the questions before it do not
    assertThat(assessor.assess("我撑不下去了", recent).level()).isEqualTo(RiskLevel.CONCERN);
  }

  @Test
  void seriousBullyingIsHighOnItsOwn() {
    for (String text :
        List.of(
            "同学每天放学都堵着我要钱，还打我",
            "孩子被同学打了，不敢上学",
            "高年级的同学找他要钱",
            "女儿被几个同学堵在厕所里打",
            "孩子被高年级的抢了零花钱",
            "孩子长期被同学欺负",
            "孩子被欺负得不敢上学了",
            "儿子被班上同学欺负，已经一个学期了")) {
      assertThat(level(text)).as(text).isGreaterThanOrEqualTo(RiskLevel.HIGH);
    }
    assertThat(level("学校心理辅导室什么时候开门，要钱吗")).isEqualTo(RiskLevel.NONE);
    assertThat(level("怎么判断孩子在学校有没有被欺负")).isEqualTo(RiskLevel.NONE);
    assertThat(level("孩子被同学欺负了"))
        .isEqualTo(RiskLevel.CONCERN); // a report: the counselor is offered
    assertThat(level("孩子被同学打扰了学习")).isEqualTo(RiskLevel.NONE);
  }

  @Test
  void benignQuestionsStayNone() {
    for (String text : List.of("我想预约心理咨询", "孩子写作业拖拉怎么办", "杀毒软件怎么装", "打我电话", "孩子打针哭了", "他死活不同意")) {
      assertThat(level(text)).as(text).isEqualTo(RiskLevel.NONE);
    }
  }

  @Test
  void assessmentNeverCarriesTheText() {
    RiskAssessment a = assessor.assess("我想死了，真的");
    assertThat(a.toString()).doesNotContain("想死").contains("HIGH").contains("SUICIDE");
  }
}
