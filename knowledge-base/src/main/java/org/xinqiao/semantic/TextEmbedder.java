package org.xinqiao.semantic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.langchain4j.data.segment.TextSegment;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One embedding per message, shared by the safety screen and the knowledge base: both ask with the
 * raw text, the embedder brings it to one canonical form (width, case, Traditional to Simplified,
 * white space) and caches the vector by that form, so the second caller of the same message gets
 * the first one's vector. Vectors are L2-normalised, so the dot product is the cosine.
 *
 * <p>Thread-safe. The returned arrays are shared: callers must not modify them.
 */
public final class TextEmbedder implements AutoCloseable {

  public static final int DIMENSIONS = 512;

  /** Longer texts are cut: a chat message never needs more, and this bounds the cost (tokens). */
  static final int MAX_CHARS = 256;

  private static final float[] EMPTY = new float[DIMENSIONS];

  /**
   * How long the vector of a text embedded here is kept. The texts are messages, children's health
   * data held as cache keys: a message is read again only within safety's context window (its last
   * messages of the day) and by the knowledge-base search of the same message, so a day is enough
   * and nothing is kept longer.
   */
  public static final Duration KEPT = Duration.ofHours(24);

  private final BgeSmallZh model;
  private final Cache<String, float[]> cache;

  /**
   * Vectors shipped with the content ({@link #prime}): not messages, kept while the process runs.
   */
  private final Map<String, float[]> primed = new ConcurrentHashMap<>();

  private final LongAdder computed = new LongAdder();

  TextEmbedder(BgeSmallZh model, long cacheSize, Ticker ticker) {
    this.model = model;
    this.cache =
        Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(KEPT).ticker(ticker).build();
  }

  /** Texts whose vectors {@link #shared()} keeps: shipped content, messages and their context. */
  static final long SHARED_CACHE = 20_000;

  /**
   * The one embedder of the process: the server's bean, the command line and the tests (which start
   * several application contexts in one JVM) share it. The ONNX session is thread-safe and holds
   * 130+ MB, so it is loaded once and never closed before the JVM ends.
   */
  public static TextEmbedder shared() {
    return Shared.INSTANCE;
  }

  private static final class Shared {
    static final TextEmbedder INSTANCE = loadBundled(SHARED_CACHE);
  }

  /** Loads the bundled model (0.5-1 s) with a cache of {@code cacheSize} recent texts. */
  public static TextEmbedder loadBundled(long cacheSize) {
    return new TextEmbedder(new BgeSmallZh(), cacheSize, Ticker.systemTicker());
  }

  /** The canonical form a text is embedded (and cached) in. */
  public static String canonical(String text) {
    if (text == null) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = Simplified.of(s).replaceAll("\\s+", " ").strip();
    if (s.length() > MAX_CHARS) {
      int end = MAX_CHARS;
      if (Character.isHighSurrogate(s.charAt(end - 1))) {
        end--;
      }
      s = s.substring(0, end);
    }
    return s;
  }

  public float[] embed(String text) {
    return vector(canonical(text));
  }

  private float[] vector(String canonical) {
    float[] shipped = primed.get(canonical);
    return shipped != null ? shipped : cache.get(canonical, this::compute);
  }

  /** Vectors for many texts, in order; cached ones are reused. */
  public List<float[]> embedAll(List<String> texts) {
    Map<String, float[]> byCanonical = new LinkedHashMap<>();
    for (String text : texts) {
      byCanonical.putIfAbsent(canonical(text), null);
    }
    byCanonical.replaceAll((key, none) -> vector(key));
    List<float[]> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      out.add(byCanonical.get(canonical(text)));
    }
    return out;
  }

  /**
   * Adds precomputed vectors of shipped texts (see {@link VectorFile}), served before the cache and
   * never expired; keys must be canonical texts. Vectors already primed are kept.
   */
  public void prime(Map<String, float[]> vectors) {
    vectors.forEach(
        (text, vector) -> {
          if (vector.length == DIMENSIONS && text.equals(canonical(text))) {
            primed.putIfAbsent(text, vector);
          }
        });
  }

  /** The vectors of {@code texts}, by canonical text: what a {@link VectorFile} should hold. */
  public Map<String, float[]> vectorsOf(List<String> texts) {
    List<float[]> vectors = embedAll(texts);
    Map<String, float[]> out = new LinkedHashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      out.put(canonical(texts.get(i)), vectors.get(i));
    }
    return out;
  }

  /** How many texts the model has embedded so far (cache misses): what a benchmark counts. */
  public long computed() {
    return computed.sum();
  }

  private float[] compute(String canonical) {
    if (canonical.codePoints().noneMatch(TextEmbedder::visible)) {
      return EMPTY; // nothing to compare (empty, control characters, a lone surrogate)
    }
    computed.increment();
    return model.embed(TextSegment.from(canonical)).content().vector();
  }

  private static boolean visible(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.UNASSIGNED,
          Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          false;
      default -> true;
    };
  }

  /** Cosine of two normalised vectors (their dot product). */
  public static float cosine(float[] a, float[] b) {
    float sum = 0f;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  @Override
  public void close() {
    cache.invalidateAll();
    model.close();
  }
}
