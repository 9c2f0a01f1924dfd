package org.xinqiao.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.xinqiao.semantic.TextEmbedder;

/**
 * The one owner of the index: the analysis, the current {@link IndexSnapshot} and its searcher
 * lifecycle. Searchers are acquired and released in finally; a reload swaps in a fully built
 * snapshot atomically and closes the old one (searches still holding it finish normally).
 */
final class KbIndex implements AutoCloseable {
  static final int CANDIDATES = 10;

  private final Segmenter segmenter;
  private final TextEmbedder embedder;
  private final OutOfScopeExamples examples;
  private final GateModel model;
  private final AtomicReference<IndexSnapshot> current = new AtomicReference<>();

  KbIndex(
      Segmenter segmenter,
      TextEmbedder embedder,
      OutOfScopeExamples examples,
      GateModel model,
      List<Entry> entries) {
    this.segmenter = segmenter;
    this.embedder = embedder;
    this.examples = examples;
    this.model = model;
    current.set(IndexSnapshot.build(entries, segmenter, embedder));
  }

  IndexSnapshot snapshot() {
    return current.get();
  }

  /** Builds the new snapshot off to the side, then swaps it in. */
  void replace(List<Entry> entries) {
    IndexSnapshot next = IndexSnapshot.build(entries, segmenter, embedder);
    IndexSnapshot old = current.getAndSet(next);
    if (old != null) {
      old.close();
    }
  }

  SearchResult search(String question, Audience reader) {
    if (model == null) {
      throw new IllegalStateException("loaded for fitting: no gate model");
    }
    return HybridGate.judge(features(question, reader, false), model, reader);
  }

  /**
   * The gate's features for a question. {@code leaveOut} is for the fitter: a calibration row is
   * not compared with itself among the out-of-scope examples.
   */
  GateFeatures.Result features(String question, Audience reader, boolean leaveOut) {
    String text = TextNormalizer.question(question);
    AnalyzedText analyzed = segmenter.analyze(text);
    GateFeatures.Vectors vectors =
        new GateFeatures.Vectors(
            embedder.embed(question),
            embedder.embedAll(GateFeatures.clauses(text)),
            text.codePointCount(0, text.length()));
    while (true) {
      IndexSnapshot snapshot = current.get();
      try {
        Map<String, Float> lucene = lucene(snapshot, analyzed);
        return GateFeatures.compute(
            vectors, analyzed, lucene, snapshot, examples, reader, leaveOut);
      } catch (AlreadyClosedException e) {
        // A reload closed this snapshot between get() and acquire(): use the new one.
      }
    }
  }

  /** Lucene's best candidates, best first, with their scores. */
  private static Map<String, Float> lucene(IndexSnapshot snapshot, AnalyzedText analyzed) {
    Map<String, Float> result = new LinkedHashMap<>();
    if (analyzed.isEmpty()) {
      return result;
    }
    try {
      IndexSearcher searcher = snapshot.searchers.acquire();
      try {
        TopDocs top = searcher.search(QueryBuilder.build(analyzed), CANDIDATES);
        for (ScoreDoc hit : top.scoreDocs) {
          result.put(searcher.storedFields().document(hit.doc).get(IndexSnapshot.ID), hit.score);
        }
      } finally {
        snapshot.searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  @Override
  public void close() {
    IndexSnapshot old = current.getAndSet(null);
    if (old != null) {
      old.close();
    }
    segmenter.close();
  }
}
