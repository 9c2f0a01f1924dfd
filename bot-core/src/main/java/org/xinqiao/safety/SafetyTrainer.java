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

  /**
   * Where the vectors of the exemplars' clauses are kept for training (next to the resources, not
   * in the jar: at run time a message's clauses are embedded as it arrives). Reusing them makes a
   * retraining reproducible without embedding some thirty thousand clauses again.
   */
  static final String TRAINING_DIRECTORY = "safety-training";

  static final String CLAUSE_VECTORS = "clause-vectors.i8";

  /** The model files of a training run, not yet written. */
  record Trained(
      ModelMetadata metadata,
      LinearHead head,
      LexicalHead.Pair lexical,
      Map<Long, ExemplarVectors.Stored> vectors,
      Map<Long, ExemplarVectors.Stored> clauseVectors,
      Map<Character, String> readings) {}

  /** Vectors stored by an earlier training: of the exemplars, and of their clauses. */
  record Known(
      Map<Long, ExemplarVectors.Stored> exemplars, Map<Long, ExemplarVectors.Stored> clauses) {
    static final Known NONE = new Known(Map.of(), Map.of());
  }

  /**
   * @param resources the resources folder of bot-core (holding safety/examples and safety/model)
   * @param out where progress and the figures go (no message text)
   */
  public static void trainAndWrite(Path resources, boolean fresh, PrintWriter out)
      throws IOException {
    Path model = resources.resolve(SemanticLayer.MODEL_DIRECTORY);
    Trained t = train(resources, fresh ? Known.NONE : shippedVectors(resources), out);
    Files.createDirectories(model);
    Path training = resources.resolveSibling(TRAINING_DIRECTORY);
    Files.createDirectories(training);
    try (OutputStream o = Files.newOutputStream(training.resolve(CLAUSE_VECTORS))) {
      ExemplarVectors.write(t.clauseVectors(), o);
    }
    try (OutputStream o = Files.newOutputStream(model.resolve(ExemplarVectors.FILE))) {
      ExemplarVectors.write(t.vectors(), o);
    }
    try (OutputStream o = Files.newOutputStream(model.resolve(LinearHead.FILE))) {
      t.head().write(o);
    }
    try (OutputStream o = Files.newOutputStream(model.resolve(LexicalHead.FILE))) {
      t.lexical().risk().write(o);
    }
    try (OutputStream o = Files.newOutputStream(model.resolve(LexicalHead.IMMINENT_FILE))) {
      t.lexical().imminent().write(o);
    }
    try (var o = Files.newBufferedWriter(model.resolve(PinyinReader.FILE))) {
      PinyinReader.write(t.readings(), o);
    }
    Files.writeString(model.resolve(ModelMetadata.FILE), JSON.writeValueAsString(t.metadata()));
    out.printf("wrote %s%n", model);
    out.flush();
  }

  static Trained train(Path resources, Known known, PrintWriter out) {
    Path examples = resources.resolve(ExemplarFiles.DIRECTORY);
    List<Exemplar> exemplars = ExemplarFiles.fromDirectory(examples);
    out.printf("%d exemplars from %s%n", exemplars.size(), examples);
    Map<Long, ExemplarVectors.Stored> vectors = new LinkedHashMap<>();
    Map<Long, ExemplarVectors.Stored> clauseVectors = new LinkedHashMap<>();
    List<float[]> ordered;
    List<List<float[]>> clauses = new ArrayList<>(exemplars.size());
    try (Embedder embedder = new Embedder(out)) {
      ordered =
          embedder.all(
              exemplars.stream().map(Exemplar::text).toList(), known.exemplars(), vectors, "lines");
      List<List<String>> texts = exemplars.stream().map(e -> Clauses.of(e.text())).toList();
      List<float[]> flat =
          embedder.all(
              texts.stream().flatMap(List::stream).toList(),
              known.clauses(),
              clauseVectors,
              "clauses");
      int next = 0;
      for (List<String> t : texts) {
        clauses.add(List.copyOf(flat.subList(next, next + t.size())));
        next += t.size();
      }
    }
    RiskAssessor rules = RiskAssessor.rulesOnly();
    RiskLevel[] ruleLevels =
        exemplars.stream().map(e -> rules.assess(e.text()).level()).toArray(RiskLevel[]::new);
    CrossValidation.Predictions p =
        CrossValidation.run(exemplars, ordered, clauses, SemanticSettings.scoring());
    SemanticSettings settings = Thresholds.choose(exemplars, ruleLevels, p);
    Map<String, Double> figures = TrainingFigures.of(exemplars, ruleLevels, p, settings);
    LinearHead head = p.head();
    ModelMetadata metadata =
        new ModelMetadata(
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            fileHashes(examples),
            exemplars.size(),
            CrossValidation.FOLDS,
            new TreeMap<>(Thresholds.TARGETS),
            settings,
            head.fingerprint(),
            p.lexical().risk().fingerprint(),
            p.lexical().imminent().fingerprint(),
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
    return new Trained(metadata, head, p.lexical(), vectors, clauseVectors, readings);
  }

  /**
   * Embeds what the stored vectors do not hold; the model is loaded only when a text is new, so a
   * retraining on unchanged data never loads it.
   */
  private static final class Embedder implements AutoCloseable {
    private final PrintWriter out;
    private TextEmbedder embedder;

    Embedder(PrintWriter out) {
      this.out = out;
    }

    /** Each text's vector, in order; every vector used is also put in {@code used}. */
    List<float[]> all(
        List<String> texts,
        Map<Long, ExemplarVectors.Stored> known,
        Map<Long, ExemplarVectors.Stored> used,
        String what) {
      List<float[]> ordered = new ArrayList<>(texts.size());
      int embedded = 0;
      for (String text : texts) {
        long key = ExemplarVectors.key(text);
        ExemplarVectors.Stored v = used.get(key);
        if (v == null) {
          v = known.get(key);
        }
        if (v == null) {
          if (embedder == null) {
            embedder = TextEmbedder.loadBundled(16);
          }
          v = ExemplarVectors.Stored.of(embedder.embed(text));
          if (++embedded % 500 == 0) {
            out.printf("embedded %d new %s%n", embedded, what);
            out.flush();
          }
        }
        used.put(key, v);
        ordered.add(v.vector());
      }
      out.printf("%d %s embedded, %d vectors reused%n", embedded, what, texts.size() - embedded);
      out.flush();
      return ordered;
    }

    @Override
    public void close() {
      if (embedder != null) {
        embedder.close();
      }
    }
  }

  /** The vectors an earlier training stored (none when the files are missing). */
  static Known shippedVectors(Path resources) throws IOException {
    return new Known(
        read(resources.resolve(SemanticLayer.MODEL_DIRECTORY).resolve(ExemplarVectors.FILE)),
        read(resources.resolveSibling(TRAINING_DIRECTORY).resolve(CLAUSE_VECTORS)));
  }

  private static Map<Long, ExemplarVectors.Stored> read(Path file) throws IOException {
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
