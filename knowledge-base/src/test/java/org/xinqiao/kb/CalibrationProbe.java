package org.xinqiao.kb;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xinqiao.semantic.TextEmbedder;
import org.xinqiao.semantic.VectorFile;

/**
 * Developer tool: runs the gate's cross-validation on the calibration set and prints the in-scope
 * questions it does not answer although the right entry is first, and any out-of-scope question it
 * answers. Not a test. Argument: a vector cache file (kept between runs to skip re-embedding).
 */
final class CalibrationProbe {
  public static void main(String[] args) throws Exception {
    Path cache = Path.of(args.length > 0 ? args[0] : "/tmp/kb-probe-vectors.bin");
    try (TextEmbedder embedder = TextEmbedder.loadBundled(50_000)) {
      if (Files.exists(cache)) {
        try (InputStream in = Files.newInputStream(cache)) {
          embedder.prime(VectorFile.read(in));
        }
      }
      CalibrationSet set = CalibrationSet.fromClasspath(CalibrationSet.RESOURCE);
      List<ContentFile> content = DirectoryContent.read(TestContent.shippedDirectory());
      List<GateCalibration.Sample> samples = GateCalibration.samples(set, content, embedder);
      List<String> texts = new ArrayList<>();
      for (CalibrationSet.Row r : set.rows()) {
        texts.add(r.question());
        texts.addAll(GateFeatures.clauses(TextNormalizer.question(r.question())));
      }
      Map<String, float[]> all = embedder.vectorsOf(texts);
      try (OutputStream out = Files.newOutputStream(cache)) {
        VectorFile.write(all, out);
      }
      List<GateOutcome> outOfFold = new ArrayList<>();
      for (int r = 0; r < GateCalibration.REPEATS; r++) {
        outOfFold.addAll(GateCalibration.crossValidate(samples, r));
      }
      GateModel full = GateCalibration.fitModels(samples, Thresholds.choose(outOfFold));
      Thresholds t = Thresholds.choose(outOfFold);
      System.out.println(t);
      for (GateOutcome o : outOfFold) {
        Verdict v = o.verdict(t);
        boolean missed = !o.row().outOfScope() && o.firstRight() && v != Verdict.ANSWER;
        boolean wrong = !o.row().outOfScope() && !o.firstRight() && v == Verdict.ANSWER;
        boolean falseAnswer = o.row().outOfScope() && v == Verdict.ANSWER;
        boolean notFirst = !o.row().outOfScope() && !o.firstRight() && v != Verdict.ANSWER;
        if (missed || wrong || falseAnswer || notFirst) {
          System.out.printf(
              Locale.ROOT,
              "%s %s ans=%.2f offer=%.2f admin=%.2f %s -> %s got %s%n",
              missed ? "MISSED" : wrong ? "WRONG " : notFirst ? "RANKED" : "FALSE ",
              v,
              o.answer(),
              o.offer(),
              o.admin(),
              o.row().question(),
              o.row().expected(),
              HybridGate.rank(samples.get(outOfFold.indexOf(o) % samples.size()).features(), full)
                  .stream()
                  .limit(3)
                  .map(x -> x.entry().id())
                  .toList());
        }
      }
      for (double a = 0.40; a < 0.80; a += 0.02) {
        Thresholds at = new Thresholds(a, t.choose(), t.admin());
        GateFigures f = GateFigures.of(outOfFold, at);
        long wrongs =
            outOfFold.stream()
                .filter(o -> !o.row().outOfScope() && !o.firstRight() && o.answer() >= at.answer())
                .count();
        System.out.println("wrong " + wrongs);
        System.out.printf(
            Locale.ROOT,
            "at %.2f right %.3f oos %.3f long %.3f%n",
            a,
            f.answeredRight(),
            f.outOfScopeAnswered(),
            f.longAnsweredRight());
      }
      for (double c = 0.02; c < 0.80; c += 0.04) {
        double g = 0;
        int in = 0, out = 0, two = 0;
        for (GateOutcome o : outOfFold) {
          if (o.answer() < t.answer() && o.admin() < t.admin() && o.offer() >= c) {
            if (o.row().outOfScope()) {
              out++;
            } else if (o.twoRight()) {
              two++;
            } else {
              in++;
            }
          }
        }
        System.out.printf(Locale.ROOT, "choose %.2f two %d wrong %d oos %d%n", c, two, in, out);
      }
      System.out.println("CV " + GateFigures.of(outOfFold, t).summary());
    }
  }
}
