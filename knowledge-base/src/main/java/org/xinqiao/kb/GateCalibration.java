package org.xinqiao.kb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xinqiao.semantic.TextEmbedder;

/**
 * Fits the gate ({@code kb calibrate}): computes every calibration question's features against the
 * content, fits the two logistic regressions, picks the thresholds on out-of-fold predictions of a
 * 5-fold cross-validation, and writes {@code kb/gate-model.properties} with its provenance.
 * Deterministic: the same content and calibration set give the same file (but for the date).
 */
public final class GateCalibration {
  static final int FOLDS = 5;

  /**
   * Cross-validation is repeated with other fold assignments and the thresholds are chosen on all
   * repeats together: one split's luck cannot move a threshold along a flat stretch of the gain.
   */
  static final int REPEATS = 3;

  /**
   * What a mistake costs against one question answered right, when thresholds are chosen: a wrong
   * entry sent as the answer, an out-of-scope question answered, an in-scope worry sent to the
   * school office, and so on. Design decisions about harm, not fitted values.
   */
  static final double WRONG_ANSWER_COST = 3;

  static final double OUT_OF_SCOPE_ANSWER_COST = 8;
  static final double IN_SCOPE_REDIRECT_COST = 3;
  static final double OTHER_REDIRECT_COST = 1;
  static final double WRONG_CHOICE_COST = 1;
  static final double OUT_OF_SCOPE_CHOICE_COST = 2;

  private GateCalibration() {}

  private static final Thresholds UNSET = new Thresholds(1, 1, 1);

  /** The features of one calibration row, searched as its asker, computed once. */
  record Sample(CalibrationSet.Row row, Audience asker, GateFeatures.Result features) {}

  /**
   * Fits against {@code content} and the bundled calibration set; returns the model file's text.
   */
  public static String fit(List<ContentFile> content, TextEmbedder embedder, LocalDate date) {
    CalibrationSet set = CalibrationSet.fromClasspath(CalibrationSet.RESOURCE);
    List<Sample> samples = samples(set, content, embedder);
    List<GateOutcome> outOfFold = new ArrayList<>();
    for (int repeat = 0; repeat < REPEATS; repeat++) {
      outOfFold.addAll(crossValidate(samples, repeat));
    }
    Thresholds t = Thresholds.choose(outOfFold);
    GateModel model = fitModels(samples, t);
    GateFigures cv = GateFigures.of(outOfFold, t).perRepeat(REPEATS);
    GateFigures fitted =
        GateFigures.of(samples.stream().map(s -> GateOutcome.of(s, model)).toList(), t);
    StringBuilder out = new StringBuilder();
    out.append(
        "# The knowledge-base gate, written by `kb calibrate` (GateCalibration). Do not edit:\n");
    out.append(
        "# refit when the content or kb/calibration.tsv changes (GateCalibrationTest checks).\n");
    out.append("fitted.date=").append(date).append('\n');
    out.append("fitted.calibration.sha256=").append(set.sha256()).append('\n');
    out.append("fitted.content.sha256=").append(contentHash(content)).append('\n');
    out.append("fitted.rows=").append(set.rows().size()).append('\n');
    out.append("fitted.method=logistic regressions (Newton, L2 ")
        .append(LogisticFit.L2)
        .append(" on standardised features), the answer model stacked on inner ")
        .append(FOLDS)
        .append("-fold entry probabilities; thresholds and figures.cv on outer ")
        .append(FOLDS)
        .append("-fold out-of-fold predictions, ")
        .append(REPEATS)
        .append(" repeats with other folds (figures.cv: their mean)\n");
    out.append("figures.cv=").append(cv.summary()).append('\n');
    out.append("figures.fitted=").append(fitted.summary()).append('\n');
    out.append("entry.features=").append(String.join(",", GateFeatures.ENTRY)).append('\n');
    out.append("entry.weights=").append(join(model.entryWeights())).append('\n');
    out.append("answer.features=").append(String.join(",", GateFeatures.ANSWER)).append('\n');
    out.append("answer.weights=").append(join(model.answerWeights())).append('\n');
    out.append("offer.weights=").append(join(model.offerWeights())).append('\n');
    out.append("admin.features=").append(String.join(",", GateFeatures.ADMIN)).append('\n');
    out.append("admin.weights=").append(join(model.adminWeights())).append('\n');
    out.append("threshold.answer=").append(format(t.answer())).append('\n');
    out.append("threshold.choose=").append(format(t.choose())).append('\n');
    out.append("threshold.admin=").append(format(t.admin())).append('\n');
    return out.toString();
  }

  /**
   * Every calibration row's features against {@code content}, searched as the bot would search it:
   * as the row's asker ({@link CalibrationSet.Row#asker}), so a parent's row never sees a
   * teacher-only entry and the features are those a parent's question really gets.
   */
  static List<Sample> samples(
      CalibrationSet set, List<ContentFile> content, TextEmbedder embedder) {
    List<Sample> samples = new ArrayList<>();
    try (KnowledgeBase kb = KnowledgeBase.loadForFitting(content, embedder)) {
      for (CalibrationSet.Row row : set.rows()) {
        Audience asker = row.asker(kb.index().snapshot().byId);
        samples.add(new Sample(row, asker, kb.index().features(row.question(), asker, true)));
      }
    }
    return samples;
  }

  /**
   * Out-of-fold outcomes: each row judged by models fitted without its fold. Repeat {@code r} puts
   * runs of {@code r + 1} neighbouring rows in one fold (the set is written topic by topic, so
   * every fold still holds every kind of question).
   */
  static List<GateOutcome> crossValidate(List<Sample> samples, int repeat) {
    List<GateOutcome> outOfFold = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      outOfFold.add(null);
    }
    for (int fold = 0; fold < FOLDS; fold++) {
      List<Sample> training = new ArrayList<>();
      List<Integer> held = new ArrayList<>();
      for (int i = 0; i < samples.size(); i++) {
        if (i / (repeat + 1) % FOLDS == fold) {
          held.add(i);
        } else {
          training.add(samples.get(i));
        }
      }
      GateModel partial = fitModels(training, UNSET);
      held.forEach(i -> outOfFold.set(i, GateOutcome.of(samples.get(i), partial)));
    }
    return outOfFold;
  }

  /**
   * Fits the three models on {@code training}. The answer model learns from entry probabilities of
   * rows the entry model did not see (an inner cross-validation), as it will meet them live.
   */
  static GateModel fitModels(List<Sample> training, Thresholds thresholds) {
    List<double[]> x = new ArrayList<>();
    List<Boolean> first = new ArrayList<>();
    List<Boolean> firstTwo = new ArrayList<>();
    for (int fold = 0; fold < FOLDS; fold++) {
      List<Sample> inner = new ArrayList<>();
      List<Sample> held = new ArrayList<>();
      for (int i = 0; i < training.size(); i++) {
        (i % FOLDS == fold ? held : inner).add(training.get(i));
      }
      GateModel partial = new GateModel(entryWeights(inner), null, null, null, UNSET);
      for (Sample s : held) {
        List<HybridGate.Scored> ranked = HybridGate.rank(s.features(), partial);
        x.add(GateFeatures.answer(ranked, s.features()));
        first.add(s.row().expected().contains(ranked.get(0).entry().id()));
        firstTwo.add(
            ranked.stream().limit(2).anyMatch(r -> s.row().expected().contains(r.entry().id())));
      }
    }
    double[][] stacked = x.toArray(new double[0][]);
    return new GateModel(
        entryWeights(training),
        LogisticFit.fit(stacked, booleans(first)),
        LogisticFit.fit(stacked, booleans(firstTwo)),
        adminWeights(training),
        thresholds);
  }

  static double[] entryWeights(List<Sample> samples) {
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (Sample s : samples) {
      for (GateFeatures.Candidate c : s.features().candidates()) {
        x.add(c.x());
        y.add(s.row().expected().contains(c.entry().id()));
      }
    }
    return LogisticFit.fit(x.toArray(new double[0][]), booleans(y));
  }

  static double[] adminWeights(List<Sample> samples) {
    double[][] x = samples.stream().map(s -> s.features().admin()).toArray(double[][]::new);
    List<Boolean> y =
        samples.stream().map(s -> s.row().kind() == CalibrationSet.Kind.ADMIN).toList();
    return LogisticFit.fit(x, booleans(y));
  }

  private static boolean[] booleans(List<Boolean> values) {
    boolean[] out = new boolean[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  static String contentHash(List<ContentFile> content) {
    StringBuilder all = new StringBuilder();
    content.stream()
        .sorted(java.util.Comparator.comparing(ContentFile::name))
        .forEach(f -> all.append(f.name()).append('\n').append(f.text()).append('\n'));
    return CalibrationSet.sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String join(double[] values) {
    List<String> parts = new ArrayList<>();
    for (double v : values) {
      parts.add(format(v));
    }
    return String.join(",", parts);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }
}
