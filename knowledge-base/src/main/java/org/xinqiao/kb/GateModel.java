package org.xinqiao.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The fitted gate, read from {@code kb/gate-model.properties} (written by {@code kb calibrate},
 * with its provenance: data hashes, date, figures). Three logistic regressions: one gives each
 * entry the probability that it answers the question, one reads the ranked list and gives the
 * probability that the first entry answers it, one the probability that the question is about
 * school administration; three thresholds turn them into a {@link Verdict}. Nothing here is tuned
 * by hand: refit when the content or the calibration set changes.
 *
 * @param entryWeights bias first, then one weight per {@link GateFeatures#ENTRY} feature
 * @param adminWeights bias first, then one weight per {@link GateFeatures#ADMIN} feature
 * @param answerWeights bias first, then one weight per {@link GateFeatures#ANSWER} feature
 * @param offerWeights the same features, for P(the right entry is among the first two)
 * @param thresholds ANSWER when P(answers) reaches {@code answer}; otherwise SCHOOL_ADMIN when
 *     P(admin) reaches {@code admin}; otherwise CHOOSE between the two best when P(the right entry
 *     is among them) reaches {@code choose}; otherwise NONE
 */
record GateModel(
    double[] entryWeights,
    double[] answerWeights,
    double[] offerWeights,
    double[] adminWeights,
    Thresholds thresholds) {
  static final String RESOURCE = "kb/gate-model.properties";

  static GateModel fromClasspath() {
    try (InputStream in = GateModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath: run kb calibrate");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GateModel parse(Reader text) throws IOException {
    Properties p = new Properties();
    p.load(text);
    check(p, "entry.features", GateFeatures.ENTRY);
    check(p, "answer.features", GateFeatures.ANSWER);
    check(p, "admin.features", GateFeatures.ADMIN);
    return new GateModel(
        numbers(p.getProperty("entry.weights"), GateFeatures.ENTRY.size() + 1),
        numbers(p.getProperty("answer.weights"), GateFeatures.ANSWER.size() + 1),
        numbers(p.getProperty("offer.weights"), GateFeatures.ANSWER.size() + 1),
        numbers(p.getProperty("admin.weights"), GateFeatures.ADMIN.size() + 1),
        new Thresholds(
            Double.parseDouble(p.getProperty("threshold.answer")),
            Double.parseDouble(p.getProperty("threshold.choose")),
            Double.parseDouble(p.getProperty("threshold.admin"))));
  }

  private static void check(Properties p, String key, List<String> expected) {
    String names = String.join(",", expected);
    if (!names.equals(p.getProperty(key))) {
      throw new IllegalStateException(
          RESOURCE + ": " + key + " is " + p.getProperty(key) + ", the code has " + names);
    }
  }

  private static double[] numbers(String text, int count) {
    if (text == null) {
      throw new IllegalStateException(RESOURCE + ": weights missing");
    }
    double[] values = Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    if (values.length != count) {
      throw new IllegalStateException(RESOURCE + ": expected " + count + " weights: " + text);
    }
    return values;
  }

  double entry(double[] x) {
    return sigmoid(entryWeights, x);
  }

  double answer(double[] x) {
    return sigmoid(answerWeights, x);
  }

  double offer(double[] x) {
    return sigmoid(offerWeights, x);
  }

  double admin(double[] x) {
    return sigmoid(adminWeights, x);
  }

  static double sigmoid(double[] weights, double[] x) {
    double z = weights[0];
    for (int i = 0; i < x.length; i++) {
      z += weights[i + 1] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }
}
