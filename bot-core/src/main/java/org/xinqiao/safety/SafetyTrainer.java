package org.xinqiao.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.xinqiao.semantic.TextEmbedder;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code safety train}: rebuilds safety/model/ from the exemplar files, deterministically. Vectors
 * already in the shipped file are reused (they are what the embedder gives for that text, in stored
 * form), new lines are embedded; then grouped cross-validation, thresholds at the stated
 * false-alarm rates, the head trained on everything, and the figures. The same data always gives
 * the same files (but the date).
 */
public final class SafetyTrainer {

  static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private SafetyTrainer() {}

  /** The model files of a training run, not yet written. */
  record Trained(
      ModelMetadata metadata,
      LinearHead head,
      Map<Long, ExemplarVectors.Stored> vectors,
      Map<Character, String> readings) {}

  /**
   * @param resources the resources folder of bot-core (holding safety/examples and safety/model)
   * @param out where progress and the figures go (no message text)
   */
  public static void trainAndWrite(Path resources, boolean fresh, PrintWriter out)
      throws IOException {
    Path model = resources.resolve(SemanticLayer.MODEL_DIRECTORY);
    Trained t = train(resources, fresh ? Map.of() : shippedVectors(model), out);
    Files.createDirectories(model);
    try (OutputStream o = Files.newOutputStream(model.resolve(ExemplarVectors.FILE))) {
      ExemplarVectors.write(t.vectors(), o);
    }
    try (OutputStream o = Files.newOutputStream(model.resolve(LinearHead.FILE))) {
      t.head().write(o);
    }
    try (var o = Files.newBufferedWriter(model.resolve(PinyinReader.FILE))) {
      PinyinReader.write(t.readings(), o);
    }
    Files.writeString(model.resolve(ModelMetadata.FILE), JSON.writeValueAsString(t.metadata()));
    out.printf("wrote %s%n", model);
    out.flush();
  }

  static Trained train(Path resources, Map<Long, ExemplarVectors.Stored> known, PrintWriter out) {
    Path examples = resources.resolve(ExemplarFiles.DIRECTORY);
    List<Exemplar> exemplars = ExemplarFiles.fromDirectory(examples);
    out.printf("%d exemplars from %s%n", exemplars.size(), examples);
    Map<Long, ExemplarVectors.Stored> vectors = new LinkedHashMap<>();
    List<float[]> ordered = embed(exemplars, known, vectors, out);
    RiskAssessor rules = RiskAssessor.rulesOnly();
    RiskLevel[] ruleLevels =
        exemplars.stream().map(e -> rules.assess(e.text()).level()).toArray(RiskLevel[]::new);
    CrossValidation.Predictions p =
        CrossValidation.run(exemplars, ordered, SemanticSettings.scoring());
    SemanticSettings settings = Thresholds.choose(exemplars, ruleLevels, p);
    Map<String, Double> figures = TrainingFigures.of(exemplars, ruleLevels, p, settings);
    int[] labels = exemplars.stream().mapToInt(e -> e.level().ordinal()).toArray();
    LinearHead head = LinearHead.train(ordered, labels);
    ModelMetadata metadata =
        new ModelMetadata(
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            fileHashes(examples),
            exemplars.size(),
            CrossValidation.FOLDS,
            new TreeMap<>(Thresholds.TARGETS),
            settings,
            head.fingerprint(),
            figures);
    out.printf(
        Locale.ROOT,
        "%d cross-validation groups over %d folds (near-duplicates at cosine >= %.2f grouped)%n",
        p.groups(),
        CrossValidation.FOLDS,
        CrossValidation.NEAR_DUPLICATE);
    out.printf("targets: %s%n", metadata.targets());
    out.printf(
        Locale.ROOT,
        "thresholds: raise %.4f, ask %.4f, imminent %.4f, context floor %.4f; k %d,"
            + " temperature %.2f, head weight %.2f%n",
        settings.raise(),
        settings.ask(),
        settings.imminent(),
        settings.contextFloor(),
        settings.k(),
        settings.temperature(),
        settings.headWeight());
    out.print(
        "cross-validated figures (rules + semantic layer):\n" + TrainingFigures.format(figures));
    out.flush();
    Map<Character, String> readings =
        PinyinReader.readings(exemplars.stream().map(Exemplar::text).toList());
    return new Trained(metadata, head, vectors, readings);
  }

  private static List<float[]> embed(
      List<Exemplar> exemplars,
      Map<Long, ExemplarVectors.Stored> known,
      Map<Long, ExemplarVectors.Stored> vectors,
      PrintWriter out) {
    List<float[]> ordered = new ArrayList<>(exemplars.size());
    TextEmbedder embedder = null;
    int embedded = 0;
    try {
      for (Exemplar e : exemplars) {
        long key = ExemplarVectors.key(e.text());
        ExemplarVectors.Stored v = known.get(key);
        if (v == null) {
          if (embedder == null) {
            embedder = TextEmbedder.loadBundled(16);
          }
          v = ExemplarVectors.Stored.of(embedder.embed(e.text()));
          if (++embedded % 500 == 0) {
            out.printf("embedded %d new lines%n", embedded);
            out.flush();
          }
        }
        vectors.put(key, v);
        ordered.add(v.vector());
      }
    } finally {
      if (embedder != null) {
        embedder.close();
      }
    }
    out.printf("%d lines embedded, %d vectors reused%n", embedded, exemplars.size() - embedded);
    return ordered;
  }

  static Map<Long, ExemplarVectors.Stored> shippedVectors(Path model) throws IOException {
    Path file = model.resolve(ExemplarVectors.FILE);
    if (!Files.exists(file)) {
      return Map.of();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return ExemplarVectors.read(in, file.toString());
    }
  }

  static Map<String, String> fileHashes(Path examples) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(examples)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
        out.put(p.getFileName().toString(), HexFormat.of().formatHex(d));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
