package org.xinqiao.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.xinqiao.semantic.TextEmbedder;

/**
 * One immutable generation of the index: the entries, their in-memory Lucene index, the embeddings
 * of their titles and questions, and the profiles used for lexical coverage. Reload builds a new
 * snapshot and swaps it in whole.
 */
final class IndexSnapshot implements AutoCloseable {
  static final String ID = "id";

  private static final SearcherFactory SIMILAR_SEARCHERS =
      new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          IndexSearcher searcher = new IndexSearcher(reader);
          searcher.setSimilarity(SearchFields.SIMILARITY);
          return searcher;
        }
      };

  final List<Entry> entries;
  final Map<String, Entry> byId;
  final Map<String, EntryProfile> profiles;
  final SearcherManager searchers;
  final EntryVectors vectors;

  /** Everything any entry says anywhere, to tell words the knowledge base knows from others. */
  final EntryProfile.Vocabulary vocabulary;

  private final ByteBuffersDirectory directory;
  private final Lexicon lexicon;

  private IndexSnapshot(
      List<Entry> entries,
      Map<String, EntryProfile> profiles,
      ByteBuffersDirectory directory,
      SearcherManager searchers,
      Lexicon lexicon,
      EntryProfile.Vocabulary vocabulary,
      EntryVectors vectors) {
    this.vocabulary = vocabulary;
    this.vectors = vectors;
    this.lexicon = lexicon;
    this.entries = List.copyOf(entries);
    Map<String, Entry> map = new LinkedHashMap<>();
    entries.forEach(e -> map.put(e.id(), e));
    this.byId = map;
    this.profiles = profiles;
    this.directory = directory;
    this.searchers = searchers;
  }

  static IndexSnapshot build(List<Entry> entries, Segmenter segmenter, TextEmbedder embedder) {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    Map<String, EntryProfile> profiles = new LinkedHashMap<>();
    List<AnalyzedText> everything = new ArrayList<>();
    IndexWriterConfig config =
        new IndexWriterConfig(new WhitespaceAnalyzer()).setSimilarity(SearchFields.SIMILARITY);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (Entry entry : entries) {
        Document doc = new Document();
        doc.add(new StoredField(ID, entry.id()));
        List<AnalyzedText> topic = new ArrayList<>();
        List<AnalyzedText> questions = new ArrayList<>();
        for (SearchFields.Source source : SearchFields.Source.values()) {
          List<AnalyzedText> texts = source.texts(entry).stream().map(segmenter::analyze).toList();
          everything.addAll(texts);
          if (source == SearchFields.Source.QUESTIONS) {
            questions.addAll(texts);
          } else if (source.strong) {
            topic.addAll(texts);
          }
          for (AnalyzedText text : texts) {
            addTokens(doc, source.field("w"), text.words());
            addTokens(doc, source.field("c"), text.concepts());
            addTokens(doc, source.field("g"), text.bigrams());
          }
        }
        profiles.put(entry.id(), EntryProfile.of(topic, questions));
        writer.addDocument(doc);
      }
      writer.commit();
      return new IndexSnapshot(
          entries,
          profiles,
          directory,
          new SearcherManager(directory, SIMILAR_SEARCHERS),
          segmenter.lexicon(),
          EntryProfile.Vocabulary.of(everything),
          EntryVectors.build(entries, embedder));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the in-memory index", e);
    }
  }

  private static void addTokens(Document doc, String field, List<String> tokens) {
    if (!tokens.isEmpty()) {
      doc.add(new TextField(field, SearchFields.joinTokens(tokens), Field.Store.NO));
    }
  }

  java.util.Set<String> groupsOf(String word) {
    return lexicon.groupsOf(word);
  }

  boolean isLexiconWord(String word) {
    return lexicon.contains(word);
  }

  boolean isQuestionWord(String word) {
    return lexicon.isQuestionWord(word);
  }

  @Override
  public void close() {
    try {
      searchers.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
