package org.xinqiao.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchRobustnessTest {
  private static KnowledgeBase kb;

  @BeforeAll
  static void load() {
    kb = KnowledgeBase.load(Fixtures.valid());
  }

  @AfterAll
  static void close() {
    kb.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "\t\n",
        "😀😭🙏",
        "孩子 AND 手机",
        "手机 OR NOT 游戏",
        "*",
        "孩子*",
        "睡不着~2",
        "title:厌学",
        "\"unbalanced (quote [",
        "\\",
        "+-&&||!(){}[]^\"~*?:\\/",
        "\u0000\u0007\u001b",
        "ＡＤＨＤ",
        "\uD83D",
      })
  void oddInputNeverThrowsAndStillListsThreeHits(String question) {
    SearchResult result = kb.search(question);
    assertThat(result.hits()).hasSize(3);
    assertThat(result.hits()).allSatisfy(h -> assertThat(h.score()).isBetween(0.0, 1.0));
  }

  @Test
  void emptyAndEmojiOnlyQuestionsAreNotAnswered() {
    assertThat(kb.search("").verdict()).isEqualTo(Verdict.NONE);
    assertThat(kb.search("   ").verdict()).isEqualTo(Verdict.NONE);
    assertThat(kb.search("😀😀😀").verdict()).isEqualTo(Verdict.NONE);
    assertThat(kb.search(null).verdict()).isEqualTo(Verdict.NONE);
  }

  @Test
  void veryLongInputIsCappedNotRejected() {
    String longQuestion = "孩子天天刷抖音不睡觉怎么办，".repeat(150);
    assertThat(longQuestion.length()).isGreaterThan(2000);
    SearchResult result = kb.search(longQuestion);
    assertThat(result.hits()).hasSize(3);
    assertThat(result.hits().get(0).id()).isEqualTo("screen-time");
  }

  @Test
  void operatorsAreTreatedAsText() {
    assertThat(kb.search("孩子 AND 不想上学").hits().get(0).id()).isEqualTo("school-refusal");
    assertThat(kb.search("失眠*~:").hits().get(0).id()).isEqualTo("sleep-problems");
  }

  @Test
  void findsEntryThroughColloquialSynonyms() {
    assertThat(kb.search("娃天天刷抖音停不下来").hits().get(0).id()).isEqualTo("screen-time");
    assertThat(kb.search("孩子不愿意去学校").hits().get(0).id()).isEqualTo("school-refusal");
    assertThat(kb.search("闺女晚上翻来覆去的").hits().get(0).id()).isEqualTo("sleep-problems");
  }

  @Test
  void outOfScopeQuestionIsNotAnswered() {
    assertThat(kb.search("学校食堂下周吃什么").verdict()).isNotEqualTo(Verdict.ANSWER);
    assertThat(kb.search("今天天气怎么样").verdict()).isNotEqualTo(Verdict.ANSWER);
  }

  @Test
  void clearQuestionIsAnsweredWithScoresBestFirst() {
    SearchResult result = kb.search("孩子沉迷打游戏怎么办");
    assertThat(result.verdict()).isEqualTo(Verdict.ANSWER);
    assertThat(result.hits().get(0).id()).isEqualTo("screen-time");
    assertThat(result.hits().get(0).title()).isEqualTo("手机、游戏与短视频");
    assertThat(result.hits().get(0).score()).isGreaterThan(result.hits().get(1).score());
  }
}
