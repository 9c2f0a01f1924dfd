package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClausesTest {

  @Test
  void aOneClauseMessageHasNoClausesToReadBesideTheWhole() {
    assertThat(Clauses.of("我不想活了")).isEmpty();
    assertThat(Clauses.of("孩子最近睡不好怎么办？")).isEmpty();
    assertThat(Clauses.of("")).isEmpty();
    assertThat(Clauses.of(null)).isEmpty();
  }

  @Test
  void reportedSpeechInALongMessageIsReadOnItsOwn() {
    assertThat(Clauses.of("老师您好，孩子这次期中考得不好，晚上她跟我说“我活着没意思”，我该怎么办"))
        .containsExactly("老师您好", "孩子这次期中考得不好", "晚上她跟我说", "我活着没意思", "我该怎么办");
  }

  @Test
  void spacesBetweenChineseCharactersCutButAnEnglishSentenceStaysWhole() {
    assertThat(Clauses.of("今天又被他们打了 我不想去学校了 不想活了")).containsExactly("今天又被他们打了", "我不想去学校了", "不想活了");
    assertThat(Clauses.of("i just want to disappear forever")).isEmpty();
    assertThat(Clauses.of("my dad hit me again. i dont want to go home"))
        .containsExactly("my dad hit me again", "i dont want to go home");
  }

  @Test
  void shortPiecesJoinTheirNeighbourAndADecimalPointIsNoCut() {
    assertThat(Clauses.of("好的，谢谢老师，再见")).isEmpty();
    assertThat(Clauses.of("嗯，好，我知道了，谢谢")).isEmpty();
    assertThat(Clauses.of("嗯，那个，我真的撑不下去了，老师")).isEmpty();
    assertThat(Clauses.of("数学考了3.5分，妈妈会打死我的")).containsExactly("数学考了3.5分", "妈妈会打死我的");
  }

  @Test
  void aLongVoiceMessageIsReadInAtMostSixWindows() {
    String voice = "嗯 那个 就是 今天 然后 我们 去了 公园 然后 妈妈 又骂我 然后 我就 哭了 然后 我觉得 活着 好累 真的";
    assertThat(Clauses.of(voice)).hasSizeLessThanOrEqualTo(Clauses.MOST).hasSizeGreaterThan(1);
    assertThat(String.join("", Clauses.of(voice)).replace("，", ""))
        .isEqualTo(voice.replace(" ", ""));
  }
}
