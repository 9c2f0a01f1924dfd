package org.xinqiao.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.xinqiao.semantic.TextEmbedder;

/**
 * The embeddings of each entry's title, example questions and longer messages, and of its short
 * answer, built with the index snapshot. The embedder's cache is keyed by text, so a reload embeds
 * only texts that changed.
 */
final class EntryVectors {
  private final float[][][] byEntry;
  private final float[][][] messages;
  private final float[][] answers;

  private EntryVectors(float[][][] byEntry, float[][][] messages, float[][] answers) {
    this.byEntry = byEntry;
    this.messages = messages;
    this.answers = answers;
  }

  static List<String> texts(Entry entry) {
    List<String> texts = new ArrayList<>();
    texts.add(entry.title());
    texts.addAll(entry.questions());
    return texts;
  }

  static EntryVectors build(List<Entry> entries, TextEmbedder embedder) {
    float[][] answers =
        embedder
            .embedAll(entries.stream().map(Entry::shortAnswer).toList())
            .toArray(new float[0][]);
    return new EntryVectors(
        grouped(entries, EntryVectors::texts, embedder),
        grouped(entries, Entry::messages, embedder),
        answers);
  }

  private static float[][][] grouped(
      List<Entry> entries, Function<Entry, List<String>> texts, TextEmbedder embedder) {
    List<String> all = new ArrayList<>();
    entries.forEach(e -> all.addAll(texts.apply(e)));
    List<float[]> vectors = embedder.embedAll(all);
    float[][][] byEntry = new float[entries.size()][][];
    int next = 0;
    for (int i = 0; i < entries.size(); i++) {
      int n = texts.apply(entries.get(i)).size();
      byEntry[i] = vectors.subList(next, next + n).toArray(new float[0][]);
      next += n;
    }
    return byEntry;
  }

  /**
   * The best cosine between {@code question} and the entry's longer messages, 0 when it has none:
   * kept apart from {@link #best} because long texts are close to each other by their manner
   * (context, a feeling) whatever they ask, so the fitted gate weighs this on its own.
   */
  double bestMessage(int entry, float[] question) {
    double best = 0;
    for (float[] text : messages[entry]) {
      best = Math.max(best, TextEmbedder.cosine(question, text));
    }
    return best;
  }

  /** The cosine between {@code question} and the entry's short answer (what it is about). */
  double answer(int entry, float[] question) {
    return TextEmbedder.cosine(question, answers[entry]);
  }

  /**
   * The mean of the three best cosines over the entry's texts: one lucky phrasing is not enough.
   */
  double topThree(int entry, float[] question) {
    float[][] texts = byEntry[entry];
    double[] cosines = new double[texts.length];
    for (int i = 0; i < texts.length; i++) {
      cosines[i] = TextEmbedder.cosine(question, texts[i]);
    }
    java.util.Arrays.sort(cosines);
    int k = Math.min(3, cosines.length);
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += cosines[cosines.length - 1 - i];
    }
    return k == 0 ? 0 : sum / k;
  }

  /** The best cosine between {@code question} and any text of entry number {@code entry}. */
  double best(int entry, float[] question) {
    double best = -1;
    for (float[] text : byEntry[entry]) {
      best = Math.max(best, TextEmbedder.cosine(question, text));
    }
    return best;
  }
}
