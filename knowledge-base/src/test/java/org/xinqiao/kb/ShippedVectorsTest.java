package org.xinqiao.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xinqiao.semantic.TextEmbedder;
import org.xinqiao.semantic.VectorFile;

/**
 * The vectors shipped in {@value ShippedVectors#RESOURCE} are current: they cover every text the
 * shipped content embeds (else start-up silently gets slower: rerun {@code kb vectors}), they are
 * what the model gives, and a primed embedder serves them without running the model.
 */
class ShippedVectorsTest {

  private static Map<String, float[]> shipped;

  @BeforeAll
  static void read() throws IOException {
    try (InputStream in =
        ShippedVectors.class.getClassLoader().getResourceAsStream(ShippedVectors.RESOURCE)) {
      assertThat(in).as(ShippedVectors.RESOURCE + " is on the classpath").isNotNull();
      shipped = VectorFile.read(in);
    }
  }

  private static List<String> textsOfTheShippedContent() {
    return ShippedVectors.textsOf(
        ContentLoader.load(DirectoryContent.read(TestContent.shippedDirectory())),
        CalibrationSet.fromClasspath(CalibrationSet.RESOURCE));
  }

  @Test
  void theShippedVectorsCoverEveryTextTheShippedContentEmbeds() {
    List<String> missing =
        textsOfTheShippedContent().stream()
            .map(TextEmbedder::canonical)
            .filter(t -> !shipped.containsKey(t))
            .toList();
    assertThat(missing).as("texts without a shipped vector: run `kb vectors`").isEmpty();
  }

  @Test
  void shippedVectorsAreWhatTheModelGivesAndAPrimedEmbedderServesThem() {
    List<String> texts = textsOfTheShippedContent();
    try (TextEmbedder fresh = TextEmbedder.loadBundled(100);
        TextEmbedder primed = TextEmbedder.loadBundled(10_000)) {
      primed.prime(shipped);
      for (int i = 0; i < texts.size(); i += Math.max(1, texts.size() / 12)) {
        String text = texts.get(i);
        float[] stored = shipped.get(TextEmbedder.canonical(text));
        assertThat(fresh.embed(text)).containsExactly(stored, Offset.offset(1e-4f));
        assertThat(primed.embed(text)).isSameAs(stored);
      }
    }
  }
}
