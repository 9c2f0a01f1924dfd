package org.xinqiao.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextEmbedderTest {

  private static TextEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = TextEmbedder.loadBundled(1_000);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void aMessagesVectorIsForgottenAfterADayButShippedVectorsStay() {
    java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    try (TextEmbedder clocked = new TextEmbedder(new BgeSmallZh(), 100, nanos::get)) {
      clocked.prime(java.util.Map.of("已发布的内容", embedder.embed("已发布的内容")));
      clocked.embed("孩子昨晚一直哭");
      clocked.embed("孩子昨晚一直哭");
      clocked.embed("已发布的内容");
      assertThat(clocked.computed()).isEqualTo(1);
      nanos.addAndGet(TextEmbedder.KEPT.minusMinutes(1).toNanos());
      clocked.embed("孩子昨晚一直哭");
      assertThat(clocked.computed()).as("still kept within the day").isEqualTo(1);
      nanos.addAndGet(java.time.Duration.ofMinutes(2).toNanos());
      clocked.embed("孩子昨晚一直哭");
      clocked.embed("已发布的内容");
      assertThat(clocked.computed()).as("forgotten after a day, embedded again").isEqualTo(2);
    }
  }

  @Test
  void vectorsAreNormalisedAndOfTheModelsWidth() {
    float[] v = embedder.embed("孩子不想上学怎么办");
    assertThat(v).hasSize(TextEmbedder.DIMENSIONS);
    assertThat(TextEmbedder.cosine(v, v)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
  }

  @Test
  void similarQuestionsAreCloserThanUnrelatedOnes() {
    float[] school = embedder.embed("孩子早上哭着不肯去学校");
    float[] refusal = embedder.embed("我家孩子最近厌学，不愿意上学");
    float[] fees = embedder.embed("这学期的校服费怎么交");
    assertThat(TextEmbedder.cosine(school, refusal))
        .isGreaterThan(TextEmbedder.cosine(school, fees) + 0.05f);
  }

  @Test
  void theSameMessageInTraditionalCharactersOrFullWidthSharesOneVector() {
    float[] simplified = embedder.embed("我想结束生命");
    assertThat(embedder.embed("我想結束生命")).isSameAs(simplified);
    assertThat(embedder.embed("  我想结束生命 ")).isSameAs(simplified);
    assertThat(TextEmbedder.canonical("ＡＤＨＤ　孩子")).isEqualTo("adhd 孩子");
  }

  @Test
  void batchesMatchSingleEmbeddingsAndAreDeterministic() {
    List<float[]> batch = embedder.embedAll(List.of("睡不着", "考试焦虑", "睡不着"));
    assertThat(batch).hasSize(3);
    assertThat(batch.get(0)).isSameAs(batch.get(2));
    try (TextEmbedder fresh = TextEmbedder.loadBundled(10)) {
      assertThat(fresh.embed("考试焦虑")).containsExactly(batch.get(1));
    }
  }

  @Test
  void emptyAndOverlongTextsStillEmbed() {
    assertThat(embedder.embed(" ")).hasSize(TextEmbedder.DIMENSIONS).containsOnly(0f);
    assertThat(embedder.embed(null)).hasSize(TextEmbedder.DIMENSIONS);
    assertThat(embedder.embed("很长".repeat(5_000))).hasSize(TextEmbedder.DIMENSIONS);
    assertThat(TextEmbedder.canonical("长".repeat(1_000))).hasSize(TextEmbedder.MAX_CHARS);
  }
}
