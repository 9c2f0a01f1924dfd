package org.xinqiao.kb;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.xinqiao.semantic.TextEmbedder;

/**
 * The knowledge base's public face: load entries, search a free-text question, look entries up,
 * reload without restart. Thread-safe; one instance per application.
 */
public final class KnowledgeBase implements AutoCloseable {
  /**
   * Texts the embedder of a stand-alone knowledge base keeps: entries, examples, recent questions.
   */
  private static final long OWN_CACHE_SIZE = 8_192;

  private final KbIndex index;
  private final TextEmbedder ownEmbedder;

  private KnowledgeBase(KbIndex index, TextEmbedder ownEmbedder) {
    this.index = index;
    this.ownEmbedder = ownEmbedder;
  }

  /**
   * Parses, validates and indexes the entry files, with an embedder of its own (the CLI and tools;
   * the bot shares one embedder with safety through {@link #load(List, TextEmbedder)}).
   *
   * @throws ContentException listing every problem (file:line: message) when any file is invalid
   */
  public static KnowledgeBase load(List<ContentFile> files) {
    List<Entry> entries = ContentLoader.load(files);
    TextEmbedder embedder = TextEmbedder.loadBundled(OWN_CACHE_SIZE);
    try {
      return new KnowledgeBase(index(entries, embedder), embedder);
    } catch (RuntimeException e) {
      embedder.close();
      throw e;
    }
  }

  /**
   * Parses, validates and indexes the entry files; embeds their titles and questions with {@code
   * embedder}, which stays the caller's (it is not closed with the knowledge base). Its cache
   * should hold the entries' texts, so that a reload embeds only what changed.
   *
   * @throws ContentException listing every problem (file:line: message) when any file is invalid
   */
  public static KnowledgeBase load(List<ContentFile> files, TextEmbedder embedder) {
    return new KnowledgeBase(index(ContentLoader.load(files), embedder), null);
  }

  /** For the fitter: features only, no gate model yet (searching fails). */
  static KnowledgeBase loadForFitting(List<ContentFile> files, TextEmbedder embedder) {
    return new KnowledgeBase(index(ContentLoader.load(files), embedder, null), null);
  }

  private static KbIndex index(List<Entry> entries, TextEmbedder embedder) {
    return index(entries, embedder, GateModel.fromClasspath());
  }

  private static KbIndex index(List<Entry> entries, TextEmbedder embedder, GateModel model) {
    ShippedVectors.primeInto(embedder);
    CalibrationSet calibration = CalibrationSet.fromClasspath(CalibrationSet.RESOURCE);
    return new KbIndex(
        new Segmenter(Lexicon.fromClasspath()),
        embedder,
        OutOfScopeExamples.of(calibration, embedder),
        model,
        entries);
  }

  /**
   * Writes the vectors of every text an index over {@code files} embeds (see {@code kb vectors}),
   * to ship beside the content so that start-up does not run the model over all of them.
   */
  public static void writeVectors(List<ContentFile> files, TextEmbedder embedder, OutputStream out)
      throws IOException {
    ShippedVectors.write(ContentLoader.load(files), embedder, out);
  }

  KbIndex index() {
    return index;
  }

  /** Checks the files without building an index; empty when they are valid. */
  public static List<ContentError> validate(List<ContentFile> files) {
    try {
      ContentLoader.load(files);
      return List.of();
    } catch (ContentException e) {
      return e.errors();
    }
  }

  /**
   * Searches a question as a parent or teacher typed it. Never throws on odd input (empty, emoji,
   * operators, very long text: only the first {@value TextNormalizer#MAX_QUESTION_CHARS} characters
   * count).
   */
  public SearchResult search(String question) {
    return search(question, Audience.BOTH);
  }

  /**
   * Searches a question asked by {@code reader}: a {@link Audience#PARENT parent} never gets, and
   * is never offered, a teacher-only entry; a {@link Audience#TEACHER teacher} may get parent
   * entries, but relevant entries written for teachers come first; {@link Audience#BOTH} (the CLI's
   * default) searches everything as it ranks.
   */
  public SearchResult search(String question, Audience reader) {
    return index.search(question == null ? "" : question, reader == null ? Audience.BOTH : reader);
  }

  public Optional<Entry> entry(String id) {
    return Optional.ofNullable(index.snapshot().byId.get(id));
  }

  /** All entries sorted by id, e.g. for a topic menu. */
  public List<Entry> entries() {
    return index.snapshot().entries;
  }

  /**
   * Validates the new files and, only if all are valid, swaps a freshly built index in atomically.
   * On any error the running index keeps serving and the errors are returned.
   *
   * @return the problems found; empty when the reload took effect
   */
  public List<ContentError> reload(List<ContentFile> files) {
    List<Entry> entries;
    try {
      entries = ContentLoader.load(files);
    } catch (ContentException e) {
      return e.errors();
    }
    index.replace(entries);
    return List.of();
  }

  @Override
  public void close() {
    index.close();
    if (ownEmbedder != null) {
      ownEmbedder.close();
    }
  }
}
