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
 * one array holding that dimension of every exemplar in the block), so one pass over the query adds
 * its {@code d}-th term to {@value #BLOCK} running sums at once: a loop the JIT turns into SIMD
 * multiplies and adds, because the sums and the row are separate arrays read at the same index (at
 * different offsets into one array it cannot rule out that they overlap, and stays scalar). Each
 * sum still takes its terms one at a time in dimension order, exactly as {@link
 * org.xinqiao.semantic.TextEmbedder#cosine} does, so every similarity is the same float to the last
 * bit (training's figures and the neighbours' order do not move).
 *
 * <p>Several queries are searched in one pass ({@link #searchAll}): fifteen thousand exemplars are
 * some 30 MB, more than any cache, so one query at a time waits on memory; {@value #QUERIES}
 * queries share each block while it is in cache (a message and its clauses at run time, a fold's
 * lines in training, about ten times faster there). Each query's sums are still taken in the same
 * order, so the results do not change.
 */
final class NearestExemplars {

  /**
   * Exemplars per block: a block (1 MB) stays in the second-level cache while the queries go over
   * it, and the long rows keep the SIMD loop busy (measured: 128 gave 6, 512 gave 10 billion
   * multiply-adds a second on one core).
   */
  static final int BLOCK = 512;

  /** Queries per pass over the exemplars: their sums (32 KB) stay in the first-level cache. */
  static final int QUERIES = 16;

  /** One neighbour: the exemplar's position and its cosine to the query. */
  record Neighbour(int index, float similarity) {}

  private final List<Exemplar> exemplars;
  private final int dimensions;

  /** Whether each exemplar is high or imminent (looked up once, not per search). */
  private final boolean[] risky;

  /** Block {@code b}, dimension {@code d}, exemplar {@code j}: {@code [b * dims + d][j]}. */
  private final float[][] rows;

  NearestExemplars(List<Exemplar> exemplars, List<float[]> vectors) {
    if (exemplars.size() != vectors.size()) {
      throw new IllegalArgumentException("one vector per exemplar");
    }
    this.exemplars = List.copyOf(exemplars);
    this.dimensions = vectors.isEmpty() ? 0 : vectors.get(0).length;
    int n = vectors.size();
    this.risky = new boolean[n];
    this.rows = new float[blocks(n) * dimensions][BLOCK];
    for (int i = 0; i < n; i++) {
      float[] v = vectors.get(i);
      if (v.length != dimensions) {
        throw new IllegalArgumentException("vector " + i + " has " + v.length + " dimensions");
      }
      risky[i] = this.exemplars.get(i).level().atLeast(RiskLevel.HIGH);
      int base = (i / BLOCK) * dimensions;
      for (int d = 0; d < dimensions; d++) {
        rows[base + d][i % BLOCK] = v[d];
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
    int base = (index / BLOCK) * dimensions;
    for (int d = 0; d < dimensions; d++) {
      v[d] = rows[base + d][index % BLOCK];
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
    return searchAll(List.of(query), k, allowed).get(0);
  }

  /**
   * {@link #search} for each query, in one pass over the exemplars per {@value #QUERIES} queries;
   * the same results as searching them one by one.
   */
  List<Found> searchAll(List<float[]> queries, int k, IntPredicate allowed) {
    List<Found> out = new ArrayList<>(queries.size());
    for (int from = 0; from < queries.size(); from += QUERIES) {
      float[][] chunk = chunk(queries, from);
      Best[] best = new Best[chunk.length];
      for (int q = 0; q < best.length; q++) {
        best[q] = new Best(k);
      }
      float[][] sums = new float[QUERIES][BLOCK];
      int n = exemplars.size();
      for (int b = 0, first = 0; first < n; b++, first += BLOCK) {
        similarities(chunk, b, sums);
        int end = Math.min(BLOCK, n - first);
        for (int lane = 0; lane < end; lane++) {
          int i = first + lane;
          if (!allowed.test(i)) {
            continue;
          }
          for (int q = 0; q < best.length; q++) {
            best[q].offer(i, sums[q][lane], risky[i]);
          }
        }
      }
      for (Best b : best) {
        out.add(b.found());
      }
    }
    return out;
  }

  /** The nearest exemplars of one query so far, kept in order as the exemplars go by. */
  private static final class Best {
    private final int[] idx;
    private final float[] sim;
    private int filled;
    private float nearestRisk = -1;
    private float nearestSafe = -1;

    Best(int k) {
      idx = new int[k];
      sim = new float[k];
    }

    void offer(int i, float s, boolean risky) {
      if (risky) {
        nearestRisk = Math.max(nearestRisk, s);
      } else {
        nearestSafe = Math.max(nearestSafe, s);
      }
      int k = idx.length;
      if (k == 0) {
        return;
      }
      if (filled < k) {
        filled++;
      } else if (s <= sim[k - 1]) {
        return;
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

    Found found() {
      List<Neighbour> near = new ArrayList<>(filled);
      for (int i = 0; i < filled; i++) {
        near.add(new Neighbour(idx[i], sim[i]));
      }
      return new Found(near, nearestRisk, nearestSafe);
    }
  }

  /** The cosine of {@code query} to every exemplar, in exemplar order. */
  float[] similarities(float[] query) {
    return similaritiesAll(List.of(query))[0];
  }

  /** {@link #similarities} of each query, in one pass per {@value #QUERIES} queries. */
  float[][] similaritiesAll(List<float[]> queries) {
    int n = exemplars.size();
    float[][] out = new float[queries.size()][n];
    float[][] sums = new float[QUERIES][BLOCK];
    for (int from = 0; from < queries.size(); from += QUERIES) {
      float[][] chunk = chunk(queries, from);
      for (int b = 0, first = 0; first < n; b++, first += BLOCK) {
        similarities(chunk, b, sums);
        for (int q = 0; q < chunk.length; q++) {
          System.arraycopy(sums[q], 0, out[from + q], first, Math.min(BLOCK, n - first));
        }
      }
    }
    return out;
  }

  /** The queries from {@code from}, at most {@value #QUERIES} of them: one pass's worth. */
  private static float[][] chunk(List<float[]> queries, int from) {
    return queries.subList(from, Math.min(queries.size(), from + QUERIES)).toArray(float[][]::new);
  }

  /**
   * The dot products of each query (at most {@value #QUERIES}) with the exemplars of block {@code
   * b}, query {@code q}'s into {@code sums[q]}. Each row of the block is read once for all the
   * queries while it is in the first-level cache.
   */
  private void similarities(float[][] queries, int b, float[][] sums) {
    for (int q = 0; q < queries.length; q++) {
      Arrays.fill(sums[q], 0f);
    }
    int first = b * dimensions;
    for (int d = 0; d < dimensions; d++) {
      float[] row = rows[first + d];
      for (int q = 0; q < queries.length; q++) {
        float v = queries[q][d];
        float[] s = sums[q];
        for (int j = 0; j < BLOCK; j++) {
          s[j] += v * row[j];
        }
      }
    }
  }
}
