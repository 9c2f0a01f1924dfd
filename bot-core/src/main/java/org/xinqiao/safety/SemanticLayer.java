package org.xinqiao.safety;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinqiao.semantic.TextEmbedder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second layer of the detector: nearest labelled exemplars and a trained head over the message
 * embedding. It only says how far a message should be raised; {@link RiskAssessor} never lets it
 * lower what a rule said. Loaded at start-up from safety/model/ (trained by {@code safety train});
 * a missing or broken model file stops start-up, because a detector that quietly ran on its rules
 * alone would miss exactly the messages this layer exists for.
 */
final class SemanticLayer {

  static final String MODEL_DIRECTORY = "safety/model/";
  private static final Logger log = LoggerFactory.getLogger(SemanticLayer.class);
  private static final int REASONS = 3;

  /** What the layer says about one text (or the last few texts of a person read together). */
  record Verdict(
      RiskLevel level, boolean ask, double score, Set<RiskCategory> categories, List<Reason> why) {}

  /**
   * How many texts' scores are kept. Every message re-reads the person's earlier texts of the day
   * (their own levels are the context), so without these each of them was searched again against
   * every exemplar at each new message.
   */
  static final int SCORES_KEPT = 10_000;

  private final TextEmbedder embedder;
  private final LinearHead head;
  private final LexicalHead.Pair lexical;

  /**
   * The exemplar index with the scores computed against it, by canonical text (the embedding, and
   * so the score, depends on nothing else). Replaced whole, never changed in place, when reviewed
   * exemplars are added at run time, so a score is never read against an index it was not computed
   * with.
   */
  private volatile Scoring scoring;

  private record Scoring(NearestExemplars index, Cache<String, SemanticScore> scores) {
    Scoring(NearestExemplars index) {
      // a text is re-read only within the context window: not kept in memory longer than that
      this(
          index,
          Caffeine.newBuilder()
              .maximumSize(SCORES_KEPT)
              .expireAfterWrite(SafetyResponder.CONTEXT_WINDOW)
              .build());
    }
  }

  private final SemanticSettings settings;
  private final PinyinReader pinyin;

  SemanticLayer(
      TextEmbedder embedder,
      LinearHead head,
      LexicalHead.Pair lexical,
      NearestExemplars index,
      SemanticSettings settings,
      Map<Character, String> readings) {
    this.embedder = embedder;
    this.head = head;
    this.lexical = lexical;
    this.scoring = new Scoring(index);
    this.settings = settings;
    List<String> corpus = new ArrayList<>(index.size());
    for (int i = 0; i < index.size(); i++) {
      corpus.add(index.exemplar(i).text());
    }
    this.pinyin = PinyinReader.from(corpus, readings);
  }

  /** Exemplars and model files from the classpath; lines edited since training are embedded now. */
  static SemanticLayer fromClasspath(TextEmbedder embedder) {
    List<Exemplar> exemplars = ExemplarFiles.fromClasspath();
    ModelMetadata metadata =
        read(
            ModelMetadata.FILE,
            in -> JsonMapper.builder().build().readValue(in, ModelMetadata.class));
    LinearHead head = read(LinearHead.FILE, in -> LinearHead.read(in, LinearHead.FILE));
    LexicalHead.Pair lexical =
        new LexicalHead.Pair(
            read(LexicalHead.FILE, in -> LexicalHead.read(in, LexicalHead.FILE)),
            read(LexicalHead.IMMINENT_FILE, in -> LexicalHead.read(in, LexicalHead.IMMINENT_FILE)));
    Map<Long, ExemplarVectors.Stored> shipped =
        read(ExemplarVectors.FILE, in -> ExemplarVectors.read(in, ExemplarVectors.FILE));
    List<float[]> vectors = new ArrayList<>(exemplars.size());
    int embedded = 0;
    for (Exemplar e : exemplars) {
      ExemplarVectors.Stored v = shipped.get(ExemplarVectors.key(e.text()));
      if (v == null) {
        v = ExemplarVectors.Stored.of(embedder.embed(e.text()));
        embedded++;
      }
      vectors.add(v.vector());
    }
    log.info(
        "safety semantic layer: {} exemplars, {} embedded at start-up (changed since training {});"
            + " thresholds raise {} ask {} imminent {}",
        exemplars.size(),
        embedded,
        metadata.trainedAt(),
        metadata.settings().raise(),
        metadata.settings().ask(),
        metadata.settings().imminent());
    Map<Character, String> readings =
        read(
            PinyinReader.FILE,
            in -> PinyinReader.read(new InputStreamReader(in, StandardCharsets.UTF_8)));
    return new SemanticLayer(
        embedder,
        head,
        lexical,
        new NearestExemplars(exemplars, vectors),
        metadata.settings(),
        readings);
  }

  SemanticSettings settings() {
    return settings;
  }

  /** A full-pinyin message in characters (see {@link PinyinReader}), or null. */
  String readPinyin(String text) {
    return pinyin.read(text);
  }

  Verdict judge(String text) {
    return verdict(text, text, true, Reason.Layer.EXEMPLAR, RiskLevel.IMMINENT);
  }

  /**
   * The last few texts of one person read as one message: a slide over several messages shows here
   * when no single one says enough. Raises to high at most.
   */
  Verdict judgeTogether(List<String> texts) {
    // read whole only: its clauses are the messages themselves, each already judged on its own.
    // The grams are the newest message's: the joined grams are only the union of the messages'
    // (nothing about how they combine, which the embedding of the whole stretch reads), and an
    // earlier risky message's grams, already judged, would keep any later line from settling it
    // ("我在天台", then "帮我妈收被子") or from staying bland ("家长会几点开始")
    String newest = texts.get(texts.size() - 1);
    return verdict(String.join("。", texts), newest, false, Reason.Layer.CONTEXT, RiskLevel.HIGH);
  }

  /**
   * @param text what the embedding reads
   * @param own what the character grams read: the text itself, or the newest of a joined context
   */
  private Verdict verdict(
      String text, String own, boolean byClause, Reason.Layer layer, RiskLevel ceiling) {
    Scoring scoring = this.scoring; // one index for the whole verdict
    NearestExemplars index = scoring.index();
    // a message and a joined context may be the same string, scored differently
    String key =
        byClause
            ? "1" + TextEmbedder.canonical(text)
            : "0" + TextEmbedder.canonical(own) + "\u0000" + TextEmbedder.canonical(text);
    SemanticScore score = scoring.scores().getIfPresent(key);
    if (score == null) {
      // computed outside the cache's lock: two threads may both score a text once, never wait
      List<String> parts = byClause ? Clauses.of(text) : List.of();
      List<float[]> clauses = embedder.embedAll(parts);
      LexicalHead.Readings read = lexical.read(own, parts);
      score =
          SemanticScore.of(embedder.embed(text), clauses, read, head, index, settings, i -> true);
      scoring.scores().put(key, score);
    }
    double raise = score.raise();
    RiskLevel level = RiskLevel.NONE;
    if (raise >= settings.raise()) {
      level = score.imminent() >= settings.imminent() ? RiskLevel.IMMINENT : RiskLevel.HIGH;
      if (!ceiling.atLeast(level)) {
        level = ceiling;
      }
    }
    boolean ask = level == RiskLevel.NONE && raise >= settings.ask();
    Set<RiskCategory> categories = EnumSet.noneOf(RiskCategory.class);
    List<Reason> why = new ArrayList<>();
    if (level != RiskLevel.NONE || ask) {
      RiskLevel wanted = ask ? RiskLevel.CONCERN : RiskLevel.HIGH;
      for (NearestExemplars.Neighbour n : score.neighbours()) {
        Exemplar e = index.exemplar(n.index());
        if (e.level().atLeast(wanted) && why.size() < REASONS) {
          why.add(new Reason(layer, e.ref(), n.similarity()));
          categories.addAll(e.categories());
        }
      }
      why.add(
          new Reason(
              layer == Reason.Layer.CONTEXT ? layer : Reason.Layer.HEAD,
              level == RiskLevel.IMMINENT ? "imminent" : "high+imminent",
              level == RiskLevel.IMMINENT ? score.imminent() : raise));
      if (categories.isEmpty()) {
        categories.add(RiskCategory.DISTRESS);
      }
    }
    return new Verdict(level, ask, raise, categories, why);
  }

  // ---- Reviewed exemplars at run time (issue 9 item 7; added beside the trained layer) ----------

  /**
   * Adds exemplars a counselor accepted to the nearest-exemplar index, without retraining: they
   * take part in the neighbour vote at once; the head and the thresholds stay as trained. Those
   * already in the index (same reference) are skipped, so reloading is harmless.
   */
  synchronized void addReviewed(List<Exemplar> accepted) {
    NearestExemplars current = scoring.index();
    java.util.Set<String> known = new java.util.HashSet<>();
    List<Exemplar> all = new ArrayList<>(current.size() + accepted.size());
    List<float[]> vectors = new ArrayList<>(current.size() + accepted.size());
    for (int i = 0; i < current.size(); i++) {
      all.add(current.exemplar(i));
      vectors.add(current.vector(i));
      known.add(current.exemplar(i).ref());
    }
    for (Exemplar e : accepted) {
      if (known.add(e.ref())) {
        all.add(e);
        vectors.add(ExemplarVectors.Stored.of(embedder.embed(e.text())).vector());
      }
    }
    scoring = new Scoring(new NearestExemplars(all, vectors));
  }

  /** The text of the exemplar a reason names, for the counselor console. */
  java.util.Optional<String> exemplarText(String ref) {
    NearestExemplars current = scoring.index();
    for (int i = current.size() - 1; i >= 0; i--) {
      if (current.exemplar(i).ref().equals(ref)) {
        return java.util.Optional.of(current.exemplar(i).text());
      }
    }
    return java.util.Optional.empty();
  }

  private interface Parser<T> {
    T parse(InputStream in) throws IOException;
  }

  private static <T> T read(String name, Parser<T> parser) {
    String path = MODEL_DIRECTORY + name;
    try (InputStream in = SemanticLayer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new RiskRulesException(path + ": not found (run: xinqiao.jar safety train)");
      }
      return parser.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    } catch (RuntimeException e) {
      if (e instanceof RiskRulesException) {
        throw e;
      }
      throw new RiskRulesException(path + ": broken model file: " + e.getMessage());
    }
  }
}
