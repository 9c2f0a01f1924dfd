package org.xinqiao.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * The one owner of the index: the analysis, the current {@link IndexSnapshot} and its searcher
 * lifecycle. Searchers are acquired and released in finally; a reload swaps in a fully built
 * snapshot atomically and closes the old one (searches still holding it finish normally).
 */
final class KbIndex implements AutoCloseable {
  static final int CANDIDATES = 10;

  private final Segmenter segmenter;
  private final AtomicReference<IndexSnapshot> current = new AtomicReference<>();

  KbIndex(Segmenter segmenter, List<Entry> entries) {
    this.segmenter = segmenter;
    current.set(IndexSnapshot.build(entries, segmenter));
  }

  IndexSnapshot snapshot() {
    return current.get();
  }

  /** Builds the new snapshot off to the side, then swaps it in. */
  void replace(List<Entry> entries) {
    IndexSnapshot next = IndexSnapshot.build(entries, segmenter);
    IndexSnapshot old = current.getAndSet(next);
    if (old != null) {
      old.close();
    }
  }

  SearchResult search(String question, Audience reader) {
    AnalyzedText analyzed = segmenter.analyze(TextNormalizer.question(question));
    while (true) {
      IndexSnapshot snapshot = current.get();
      try {
        List<ConfidenceGate.Candidate> candidates = candidates(snapshot, analyzed);
        candidates.removeIf(c -> !c.entry().audience().suits(reader));
        return ConfidenceGate.judge(analyzed, candidates, snapshot, reader);
      } catch (AlreadyClosedException e) {
        // A reload closed this snapshot between get() and acquire(): use the new one.
      }
    }
  }

  private static List<ConfidenceGate.Candidate> candidates(
      IndexSnapshot snapshot, AnalyzedText analyzed) {
    List<ConfidenceGate.Candidate> result = new ArrayList<>();
    if (analyzed.isEmpty()) {
      return result;
    }
    try {
      IndexSearcher searcher = snapshot.searchers.acquire();
      try {
        TopDocs top = searcher.search(QueryBuilder.build(analyzed), CANDIDATES);
        for (ScoreDoc hit : top.scoreDocs) {
          String id = searcher.storedFields().document(hit.doc).get(IndexSnapshot.ID);
          result.add(new ConfidenceGate.Candidate(snapshot.byId.get(id), hit.score));
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
