package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code safety train} on the checked-in exemplar files reproduces the checked-in model: the same
 * head (bit for bit), thresholds and cross-validated figures. It runs the whole training path (CV,
 * thresholds, head) but reuses the shipped vectors instead of embedding every line again (those are
 * what the embedder gives, in stored form; only lines missing from the file are embedded), which
 * keeps it around a minute. The clauses' vectors are kept in src/main/safety-training/ (outside the
 * jar) for the same reason. A failure here after an exemplar edit means: run {@code safety train}
 * and commit safety/model/.
 */
class SafetyTrainingTest {

  private static final Path RESOURCES = Path.of("src/main/resources");

  @Test
  void retrainingFromTheCheckedInDataReproducesTheShippedModel() throws Exception {
    Path model = RESOURCES.resolve(SemanticLayer.MODEL_DIRECTORY);
    ModelMetadata shipped =
        SafetyTrainer.JSON.readValue(
            Files.readString(model.resolve(ModelMetadata.FILE)), ModelMetadata.class);
    StringWriter log = new StringWriter();
    SafetyTrainer.Trained again =
        SafetyTrainer.train(
            RESOURCES, SafetyTrainer.shippedVectors(RESOURCES), new PrintWriter(log));
    System.out.print(log);
    ModelMetadata m = again.metadata();
    assertThat(m.files())
        .as("exemplar files changed since the model was trained: run safety train")
        .isEqualTo(shipped.files());
    assertThat(m.exemplars()).isEqualTo(shipped.exemplars());
    assertThat(m.settings()).isEqualTo(shipped.settings());
    assertThat(m.figures()).isEqualTo(shipped.figures());
    assertThat(m.head()).isEqualTo(shipped.head());
    assertThat(m.lexical()).isEqualTo(shipped.lexical());
    assertThat(m.lexicalImminent()).isEqualTo(shipped.lexicalImminent());
    try (var in = Files.newInputStream(model.resolve(LexicalHead.IMMINENT_FILE))) {
      assertThat(LexicalHead.read(in, LexicalHead.IMMINENT_FILE).fingerprint())
          .isEqualTo(shipped.lexicalImminent());
    }
    try (var in = Files.newInputStream(model.resolve(LexicalHead.FILE))) {
      assertThat(LexicalHead.read(in, LexicalHead.FILE).fingerprint()).isEqualTo(shipped.lexical());
    }
    try (var in = Files.newInputStream(model.resolve(LinearHead.FILE))) {
      assertThat(LinearHead.read(in, LinearHead.FILE).fingerprint()).isEqualTo(shipped.head());
    }
    try (var in = Files.newBufferedReader(model.resolve(PinyinReader.FILE))) {
      assertThat(PinyinReader.read(in)).isEqualTo(again.readings());
    }
    assertThat(log.toString())
        .as("lines or clauses without a stored vector: run safety train and commit its files")
        .contains("0 lines embedded", "0 clauses embedded")
        .doesNotContain("我");
  }
}
