package org.xinqiao.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SegmenterTest {
  private static Segmenter segmenter;

  @BeforeAll
  static void create() {
    segmenter = new Segmenter(Lexicon.fromClasspath());
  }

  @AfterAll
  static void close() {
    segmenter.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"厌学", "自伤", "霸凌", "抖音", "睡不着"})
  void keepsDomainWordsWhole(String word) {
    assertThat(segmenter.analyze("我家孩子" + word + "了怎么办").words()).contains(word);
  }

  @ParameterizedTest
  @CsvSource({
    "玩手机, 刷抖音",
    "玩手机, 玩平板",
    "玩手机, 打游戏",
    "厌学, 不想上学",
    "厌学, 逃学",
    "失眠, 睡不着",
    "霸凌, 被欺负",
    "霸凌, 被打",
    "发脾气, 摔东西",
    "发脾气, 暴躁",
  })
  void mapsColloquialWordsToTheSameSynonymGroup(String word, String colloquial) {
    assertThat(segmenter.analyze(colloquial).concepts())
        .containsAnyElementsOf(segmenter.analyze(word).concepts());
  }

  @Test
  void foldsFullWidthAndCase() {
    assertThat(segmenter.analyze("ＡＤＨＤ").words()).containsExactly("adhd");
  }

  @Test
  void dropsPunctuationAndEmoji() {
    AnalyzedText text = segmenter.analyze("😀！？，。...");
    assertThat(text.words()).isEmpty();
    assertThat(text.bigrams()).isEmpty();
  }

  @Test
  void bigramsStayInsideRunsOfChineseCharacters() {
    assertThat(Segmenter.bigrams("厌学，失眠")).containsExactly("厌学", "失眠");
    assertThat(Segmenter.bigrams("不想上学")).containsExactly("不想", "想上", "上学");
  }
}
