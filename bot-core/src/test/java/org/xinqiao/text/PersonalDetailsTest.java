package org.xinqiao.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDetailsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "孩子只考了60分怎么办            | 孩子只考了＊分怎么办",
        "数学只考了６０分                | 数学只考了＊分",
        "数学只考了六十分，我十分着急      | 数学只考了＊分，我十分着急",
        "考了九十五分还哭               | 考了＊分还哭",
        "我电话13800138000            | 我电话＊",
        "孩子12岁，身高1.5米           | 孩子＊岁，身高＊米",
        "女儿十二岁，在三年级二班         | 女儿＊岁，在＊年级＊班",
        "他三月五日住在七号楼三室         | 他＊月＊日住在＊号楼＊室",
        "十二月那天他没来                | ＊月那天他没来",
        "王老师批评了他                 | ＊老师批评了他",
        "张小明同学老是欺负他            | ＊同学老是欺负他",
        "欧阳娜娜妈妈说                 | ＊妈妈说",
        "我女儿叫李小红，很内向           | 我女儿叫＊，很内向",
        "小宇同学把他的书撕了            | ＊同学把他的书撕了",
        "联系我 mama@example.com      | 联系我 ＊",
        "号码是一三八零零一三八零零零      | 号码是＊",
      })
  void hidesNumbersOfAnyWidthDatesAndNames(String text, String masked) {
    assertThat(PersonalDetails.mask(text, 200)).isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "孩子考试很紧张怎么办",
    "马上要考试了孩子睡不着",
    "数学老师说他上课走神",
    "跟老师说了也没用",
    "孩子一分钟都坐不住",
    "孩子跟同学吵架了",
  })
  void leavesOrdinaryWordsAlone(String text) {
    assertThat(PersonalDetails.mask(text, 200)).isEqualTo(text);
  }

  @Test
  void foldsTabsAndLineBreaksSoTheTextStaysOnOneLine() {
    assertThat(PersonalDetails.mask(" 我很累\t真的\r\n\n不想说话 ", 200)).isEqualTo("我很累 真的 不想说话");
  }

  @Test
  void cutsTheMaskedTextToTheLengthTheCallerKeeps() {
    assertThat(PersonalDetails.mask("孩子".repeat(300), 200)).hasSize(200);
    assertThat(PersonalDetails.mask("孩子".repeat(300), 1000)).hasSize(600);
  }

  @Test
  void maskingTwiceChangesNothingMore() {
    String once = PersonalDetails.mask("王老师说孩子12岁，三年级二班，只考了六十分", 200);
    assertThat(PersonalDetails.mask(once, 200)).isEqualTo(once);
  }
}
