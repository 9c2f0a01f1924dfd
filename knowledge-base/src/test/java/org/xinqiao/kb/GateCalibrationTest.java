package org.xinqiao.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.xinqiao.semantic.TextEmbedder;

/**
 * The checked-in gate model is what {@code kb calibrate} fits on today's content and calibration
 * set: a content or calibration change without a refit fails here, and so does a fit that is not
 * deterministic. Also keeps the cross-validated figures above floors.
 */
class GateCalibrationTest {

  @Test
  void checkedInGateModelIsWhatTheFitProducesFromTheCalibrationSet() throws IOException {
    String refit;
    try (TextEmbedder embedder = TextEmbedder.loadBundled(20_000)) {
      refit =
          GateCalibration.fit(
              DirectoryContent.read(TestContent.shippedDirectory()), embedder, LocalDate.now());
      // only stored vectors: the model's arithmetic differs a little between CPUs, and a fit on
      // texts embedded here would not reproduce the shipped weights on another machine
      assertThat(embedder.computed()).as("texts embedded during the fit (run kb vectors)").isZero();
    }
    Properties fresh = properties(refit);
    Properties shipped = new Properties();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(GateModel.RESOURCE)) {
      shipped.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    for (String key :
        new String[] {
          "fitted.calibration.sha256",
          "fitted.content.sha256",
          "entry.features",
          "answer.features",
          "admin.features",
          "threshold.answer",
          "threshold.choose",
          "threshold.admin"
        }) {
      assertThat(fresh.getProperty(key))
          .as(key + " (run kb calibrate)")
          .isEqualTo(shipped.getProperty(key));
    }
    for (String key :
        new String[] {"entry.weights", "answer.weights", "offer.weights", "admin.weights"}) {
      assertThat(numbers(fresh, key))
          .as(key + " (run kb calibrate)")
          .containsExactly(numbers(shipped, key), org.assertj.core.data.Offset.offset(1e-3));
    }
    GateModel model = GateModel.parse(new StringReader(refit));
    // each threshold lies inside the grid it was chosen on, not at an edge of it
    assertThat(model.thresholds().answer()).isStrictlyBetween(0.30, 0.97);
    assertThat(model.thresholds().choose()).isStrictlyBetween(0.02, 0.95);
    assertThat(model.thresholds().admin()).isStrictlyBetween(0.20, 0.95);
    assertThat(fresh.getProperty("figures.cv")).isEqualTo(shipped.getProperty("figures.cv"));
    String cv = fresh.getProperty("figures.cv");
    assertThat(percent(cv, "in-scope \\d+: answered right")).as(cv).isGreaterThanOrEqualTo(92.5);
    assertThat(percent(cv, "top-1")).as(cv).isGreaterThanOrEqualTo(96.0);
    assertThat(percent(cv, "top-3")).as(cv).isGreaterThanOrEqualTo(99.0);
    assertThat(percent(cv, "long in-scope \\d+: answered right"))
        .as(cv)
        .isGreaterThanOrEqualTo(92.0);
    assertThat(percent(cv, "out-of-scope \\d+: answered")).as(cv).isZero();
  }

  /** The percentage written after {@code label} in a figures line. */
  private static double percent(String figures, String label) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(label + " ([0-9.]+)%").matcher(figures);
    assertThat(m.find()).as(label + " in " + figures).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static Properties properties(String text) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return p;
  }

  private static double[] numbers(Properties p, String key) {
    return java.util.Arrays.stream(p.getProperty(key).split(","))
        .mapToDouble(Double::parseDouble)
        .toArray();
  }
}
