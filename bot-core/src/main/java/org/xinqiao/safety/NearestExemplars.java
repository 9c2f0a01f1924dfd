package org.xinqiao.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.xinqiao.semantic.TextEmbedder;

/**
 * The labelled exemplars and their vectors, searched by brute force: some thousand dot products of
 * 512 floats take a few milliseconds on one core, exact, with no index to keep in step with the
 * files a counselor edits.
 */
final class NearestExemplars {

  /** One neighbour: the exemplar's position and its cosine to the query. */
  record Neighbour(int index, float similarity) {}

  private final List<Exemplar> exemplars;
  private final List<float[]> vectors;

  NearestExemplars(List<Exemplar> exemplars, List<float[]> vectors) {
    if (exemplars.size() != vectors.size()) {
      throw new IllegalArgumentException("one vector per exemplar");
    }
    this.exemplars = List.copyOf(exemplars);
    this.vectors = List.copyOf(vectors);
  }

  int size() {
    return exemplars.size();
  }

  Exemplar exemplar(int index) {
    return exemplars.get(index);
  }

  float[] vector(int index) {
    return vectors.get(index);
  }

  List<Neighbour> nearest(float[] query, int k) {
    return nearest(query, k, i -> true);
  }

  /** The {@code k} most similar exemplars among those {@code allowed}, most similar first. */
  List<Neighbour> nearest(float[] query, int k, IntPredicate allowed) {
    return search(query, k, allowed).neighbours();
  }

  /**
   * What one search found: the nearest exemplars, and the cosine to the nearest risky one (high or
   * imminent) and to the nearest harmless one (none or concern).
   */
  record Found(List<Neighbour> neighbours, float nearestRisk, float nearestSafe) {}

  Found search(float[] query, int k, IntPredicate allowed) {
    float nearestRisk = -1;
    float nearestSafe = -1;
    int[] idx = new int[k];
    float[] sim = new float[k];
    int filled = 0;
    for (int i = 0; i < vectors.size(); i++) {
      if (!allowed.test(i)) {
        continue;
      }
      float s = TextEmbedder.cosine(query, vectors.get(i));
      if (exemplars.get(i).level().atLeast(RiskLevel.HIGH)) {
        nearestRisk = Math.max(nearestRisk, s);
      } else {
        nearestSafe = Math.max(nearestSafe, s);
      }
      if (filled < k) {
        filled++;
      } else if (s <= sim[k - 1]) {
        continue;
      }
      int j = filled - 1; // insertion keeps ties in index order: deterministic
      while (j > 0 && sim[j - 1] < s) {
        idx[j] = idx[j - 1];
        sim[j] = sim[j - 1];
        j--;
      }
      idx[j] = i;
      sim[j] = s;
    }
    List<Neighbour> out = new ArrayList<>(filled);
    for (int i = 0; i < filled; i++) {
      out.add(new Neighbour(idx[i], sim[i]));
    }
    return new Found(out, nearestRisk, nearestSafe);
  }
}
