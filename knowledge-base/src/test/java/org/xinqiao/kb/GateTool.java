package org.xinqiao.kb;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.xinqiao.semantic.TextEmbedder;

/**
 * Developer tool, not a test: {@code kb calibrate} and {@code kb vectors} without building the
 * bot's jar, and the figures of every held-out set. Run from the module folder with the test class
 * path and {@code src/main/resources} first. Arguments: {@code fit}, {@code vectors} or {@code eval
 * [resource...]}.
 */
final class GateTool {
  /** Out-of-fold outcomes, the thresholds, each miss and the gain around the admin threshold. */
  static void probe(List<ContentFile> content, TextEmbedder embedder) {
    CalibrationSet set = CalibrationSet.fromClasspath(CalibrationSet.RESOURCE);
    List<GateCalibration.Sample> samples = GateCalibration.samples(set, content, embedder);
    List<GateOutcome> oof = new java.util.ArrayList<>();
    for (int r = 0; r < GateCalibration.REPEATS; r++) {
      oof.addAll(GateCalibration.crossValidate(samples, r));
    }
    Thresholds t = Thresholds.choose(oof);
    System.out.println(t);
    GateModel full = GateCalibration.fitModels(samples, t);
    java.util.Map<String, int[]> byEntry = new java.util.TreeMap<>();
    for (int i = 0; i < oof.size(); i++) {
      GateOutcome o = oof.get(i);
      Verdict v = o.verdict(t);
      GateCalibration.Sample s = samples.get(i % samples.size());
      boolean right = !o.row().outOfScope() && v == Verdict.ANSWER && o.shownFirstRight();
      if (!o.row().outOfScope()) {
        for (String id : o.row().expected()) {
          int[] c = byEntry.computeIfAbsent(id, k -> new int[2]);
          c[0]++;
          c[1] += right ? 0 : 1;
        }
      }
      boolean falseAnswer = o.row().outOfScope() && (v == Verdict.ANSWER || o.answer() >= 0.4);
      boolean adminMissed =
          o.row().kind() == CalibrationSet.Kind.ADMIN && v != Verdict.SCHOOL_ADMIN;
      if ((!o.row().outOfScope() && !right) || falseAnswer || (adminMissed && i < samples.size())) {
        System.out.printf(
            java.util.Locale.ROOT,
            "r%d %s %s ans=%.2f offer=%.2f admin=%.2f %s (%s) -> %s fitted %s%n",
            i / samples.size(),
            o.row().outOfScope()
                ? (falseAnswer ? "FALSE" : "ADMIN-MISS")
                : o.shownFirstRight() ? "MISSED" : "RANKED",
            v,
            o.answer(),
            o.offer(),
            o.admin(),
            o.row().question(),
            s.asker(),
            o.row().expected(),
            HybridGate.rank(s.features(), full).stream()
                .limit(3)
                .map(
                    x ->
                        x.entry().id()
                            + String.format(java.util.Locale.ROOT, "=%.2f", x.probability()))
                .toList());
      }
    }
    byEntry.forEach(
        (id, c) -> {
          if (c[1] > 0)
            System.out.println(
                "ENTRY "
                    + id
                    + " rows "
                    + c[0] / GateCalibration.REPEATS
                    + " failed "
                    + c[1]
                    + "/"
                    + c[0]);
        });
    for (boolean isLong : new boolean[] {false, true})
      for (double a = 0.40; a < 0.95; a += 0.03) {
        int right = 0, wrong = 0, oos = 0;
        for (GateOutcome o : oof) {
          if (o.answer() >= a && !o.ownFirst() && o.row().isLong() == isLong) {
            if (o.row().outOfScope()) oos++;
            else if (o.firstRight()) right++;
            else wrong++;
          }
        }
        System.out.printf(
            java.util.Locale.ROOT,
            (isLong ? "long " : "short ") + "answer>=%.2f right %d wrong %d oos %d gain %d%n",
            a,
            right,
            wrong,
            oos,
            right - 3 * wrong - 8 * oos);
      }
    for (double a = 0.20; a < 0.95; a += 0.05) {
      double g = 0;
      int adm = 0, ent = 0, oth = 0;
      for (GateOutcome o : oof) {
        if (o.answer() < t.answer() && o.admin() >= a) {
          switch (o.row().kind()) {
            case ADMIN -> adm++;
            case ENTRY -> ent++;
            case OTHER -> oth++;
          }
        }
      }
      System.out.printf(
          java.util.Locale.ROOT,
          "admin>=%.2f admin %d entry %d other %d gain %d%n",
          a,
          adm,
          ent,
          oth,
          adm - 3 * ent - oth);
    }
    System.out.println("CV " + GateFigures.of(oof, t).perRepeat(GateCalibration.REPEATS).summary());
    String subset = System.getProperty("kb.tool.subset");
    if (subset != null) {
      // Out-of-fold figures of the rows that also appear in another file (e.g. rows folded in).
      for (String file : subset.split(",")) {
        java.util.Set<String> questions =
            EvalSet.fromClasspath(file).rows().stream()
                .map(EvalSet.Row::question)
                .collect(java.util.stream.Collectors.toSet());
        List<GateOutcome> part =
            oof.stream().filter(o -> questions.contains(o.row().question())).toList();
        System.out.println(
            "CV of "
                + file
                + " "
                + GateFigures.of(part, t).perRepeat(GateCalibration.REPEATS).summary());
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Path resources = Path.of("src/main/resources");
    try (TextEmbedder embedder = TextEmbedder.loadBundled(50_000)) {
      List<ContentFile> content = DirectoryContent.read(TestContent.shippedDirectory());
      switch (args[0]) {
        case "fit" -> {
          String model = GateCalibration.fit(content, embedder, LocalDate.now(ZoneOffset.UTC));
          Files.writeString(resources.resolve(GateModel.RESOURCE), model, StandardCharsets.UTF_8);
          model.lines().filter(l -> l.startsWith("figures")).forEach(System.out::println);
        }
        case "vectors" -> {
          try (OutputStream out =
              Files.newOutputStream(resources.resolve(ShippedVectors.RESOURCE))) {
            KnowledgeBase.writeVectors(content, embedder, out);
          }
        }
        case "eval" -> {
          List<String> sets =
              args.length > 1
                  ? List.of(args).subList(1, args.length)
                  : List.of(
                      "eval/kb-dev.tsv",
                      "kb/holdout.tsv",
                      "kb/calibration-holdout.tsv",
                      "kb/check-set.tsv",
                      "kb/calibration.tsv");
          try (KnowledgeBase kb = KnowledgeBase.load(content, embedder)) {
            for (String set : sets) {
              for (Audience reader : java.util.Arrays.asList(Audience.BOTH, null)) {
                Evaluation e = Evaluation.run(kb, EvalSet.fromClasspath(set), reader);
                System.out.println(e.summary(set + " as " + (reader == null ? "asker" : reader)));
                if (Boolean.getBoolean("kb.tool.misses")) {
                  e.misses().forEach(m -> System.out.println("  " + m));
                }
              }
            }
          }
        }
        case "probe" -> probe(content, embedder);
        case "ask" -> {
          try (KnowledgeBase kb = KnowledgeBase.load(content, embedder)) {
            Audience reader = Audience.parse(args[1]).orElseThrow();
            for (String q : List.of(args).subList(2, args.length)) {
              System.out.println(reader + " " + q + " -> " + kb.search(q, reader));
            }
          }
        }
        default -> throw new IllegalArgumentException(args[0]);
      }
    }
  }
}
