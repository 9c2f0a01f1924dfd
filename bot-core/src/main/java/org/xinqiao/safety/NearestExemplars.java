package org.xinqiao.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The labelled exemplars and their vectors, searched by brute force: exact, with no index to keep
 * in step with the files a counselor edits.
 *
 * <p>The vectors are stored transposed in blocks of {@value #BLOCK} exemplars (for each dimension,
 * that dimension of every exemplar in the block side by side), so one pass over the query adds its
 * {@code d}-th term to {@value #BLOCK} running sums at once: a loop the JIT turns into SIMD
 * multiplies and adds. Each sum still takes its terms one at a time in dimension order, exactly as
 * {@link org.xinqiao.semantic.TextEmbedder#cosine} does, so every similarity is the same float to
 * the last bit (training's figures and the neighbours' order do not move). One vector at a time,
 * each sum waits on the previous add; 14,000 exemplars took most of a message's CPU that way.
 */
final class NearestExemplars {

  /** Exemplars per block: 128 running sums (half a kilobyte) stay in the first-level cache. */
  static final int BLOCK = 128;

  /** One neighbour: the exemplar's position and its cosine to the query. */
  record Neighbour(int index, float similarity) {}

  private final List<Exemplar> exemplars;
  private final int dimensions;

  /** Whether each exemplar is high or imminent (looked up once, not per search). */
  private final boolean[] risky;

  /**
   * Block {@code b}, dimension {@code d}, exemplar {@code j}: {@code [(b * dims + d) * BLOCK + j]}.
   */
  private final float[] transposed;

  NearestExemplars(List<Exemplar> exemplars, List<float[]> vectors) {
    if (exemplars.size() != vectors.size()) {
      throw new IllegalArgumentException("one vector per exemplar");
    }
    this.exemplars = List.copyOf(exemplars);
    this.dimensions = vectors.isEmpty() ? 0 : vectors.get(0).length;
    int n = vectors.size();
    this.risky = new boolean[n];
    this.transposed = new float[blocks(n) * dimensions * BLOCK];
    for (int i = 0; i < n; i++) {
      float[] v = vectors.get(i);
      if (v.length != dimensions) {
        throw new IllegalArgumentException("vector " + i + " has " + v.length + " dimensions");
      }
      risky[i] = this.exemplars.get(i).level().atLeast(RiskLevel.HIGH);
      int base = (i / BLOCK) * dimensions * BLOCK + i % BLOCK;
      for (int d = 0; d < dimensions; d++) {
        transposed[base + d * BLOCK] = v[d];
      }
    }
  }

  private static int blocks(int n) {
    return (n + BLOCK - 1) / BLOCK;
  }

  int size() {
    return exemplars.size();
  }

  Exemplar exemplar(int index) {
    return exemplars.get(index);
  }

  /** A copy of one exemplar's vector, as it was given. */
  float[] vector(int index) {
    float[] v = new float[dimensions];
    int base = (index / BLOCK) * dimensions * BLOCK + index % BLOCK;
    for (int d = 0; d < dimensions; d++) {
      v[d] = transposed[base + d * BLOCK];
    }
    return v;
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
    float[] sums = new float[BLOCK];
    int n = exemplars.size();
    for (int b = 0, first = 0; first < n; b++, first += BLOCK) {
      similarities(query, b, sums);
      int end = Math.min(BLOCK, n - first);
      for (int lane = 0; lane < end; lane++) {
        int i = first + lane;
        if (!allowed.test(i)) {
          continue;
        }
        float s = sums[lane];
        if (risky[i]) {
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
    }
    List<Neighbour> out = new ArrayList<>(filled);
    for (int i = 0; i < filled; i++) {
      out.add(new Neighbour(idx[i], sim[i]));
    }
    return new Found(out, nearestRisk, nearestSafe);
  }

  /** The cosine of {@code query} to every exemplar, in exemplar order. */
  float[] similarities(float[] query) {
    int n = exemplars.size();
    float[] out = new float[n];
    float[] sums = new float[BLOCK];
    for (int b = 0, first = 0; first < n; b++, first += BLOCK) {
      similarities(query, b, sums);
      System.arraycopy(sums, 0, out, first, Math.min(BLOCK, n - first));
    }
    return out;
  }

  /** The dot products of {@code query} with the exemplars of block {@code b}, into {@code sums}. */
  private void similarities(float[] query, int b, float[] sums) {
    Arrays.fill(sums, 0f);
    int offset = b * dimensions * BLOCK;
    for (int d = 0; d < dimensions; d++, offset += BLOCK) {
      float q = query[d];
      for (int j = 0; j < BLOCK; j++) {
        sums[j] += q * transposed[offset + j];
      }
    }
  }
}
