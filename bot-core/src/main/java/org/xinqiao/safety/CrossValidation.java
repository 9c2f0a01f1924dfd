package org.xinqiao.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Grouped k-fold cross-validation of the semantic layer. Lines of one {@code group} and lines that
 * are near-duplicates of each other (cosine at least {@value #NEAR_DUPLICATE}, whatever their group
 * or file) always fall in the same fold, so a line is never scored by its own variant. Every line
 * is scored by a head trained without its fold and by a vote of exemplars outside its fold.
 */
final class CrossValidation {

  static final int FOLDS = 5;
  static final double NEAR_DUPLICATE = 0.92;

  /**
   * Cross-validated scores per line, in the order of the exemplars, and the stacking fitted on all
   * lines' cross-validated features and the head trained on all lines (what ships). Each line's
   * {@code raise} comes from a stacking fitted without its fold, so thresholds chosen on it hold
   * for unseen lines.
   */
  record Predictions(
      double[] raise,
      double[] imminent,
      int[] fold,
      int groups,
      Stacking stacking,
      Stacking imminentStacking,
      LinearHead head,
      LexicalHead.Pair lexical) {}

  private CrossValidation() {}

  /**
   * @param clauses each line's clause vectors (see {@link Clauses}), empty for a one-clause line;
   *     scored like the line, against exemplars outside its fold
   */
  static Predictions run(
      List<Exemplar> exemplars,
      List<float[]> vectors,
      List<List<float[]>> clauses,
      SemanticSettings knn) {
    int n = exemplars.size();
    NearestExemplars index = new NearestExemplars(exemplars, vectors);
    int[] root = groups(exemplars, vectors, index);
    int[] fold = folds(exemplars, root);
    int[] labels = exemplars.stream().mapToInt(e -> e.level().ordinal()).toArray();
    double[][] features = new double[n][];
    double[][] imminentFeatures = new double[n][];
    boolean[] risky = new boolean[n];
    for (int i = 0; i < n; i++) {
      risky[i] = exemplars.get(i).level().atLeast(RiskLevel.HIGH);
    }
    List<int[]> grams = exemplars.stream().map(e -> LexicalHead.grams(e.text())).toList();
    // the fold heads and the heads on all lines (what ships) are independent: fitted side by side
    List<LinearHead> heads =
        IntStream.rangeClosed(0, FOLDS)
            .parallel()
            .mapToObj(f -> head(vectors, labels, i -> fold[i] != f))
            .toList();
    boolean[] imminentLine = new boolean[n];
    for (int i = 0; i < n; i++) {
      imminentLine[i] = exemplars.get(i).level() == RiskLevel.IMMINENT;
    }
    List<LexicalHead.Pair> lexical =
        IntStream.rangeClosed(0, FOLDS)
            .parallel()
            .mapToObj(
                f ->
                    new LexicalHead.Pair(
                        LexicalHead.train(grams, risky, i -> fold[i] != f),
                        LexicalHead.train(grams, imminentLine, i -> risky[i] && fold[i] != f)))
            .toList();
    for (int f = 0; f < FOLDS; f++) {
      int heldOut = f;
      LinearHead head = heads.get(f);
      int[] lines = IntStream.range(0, n).filter(i -> fold[i] == heldOut).toArray();
      List<List<float[]>> queries =
          Arrays.stream(lines)
              .mapToObj(i -> SemanticScore.queries(vectors.get(i), clauses.get(i)))
              .toList();
      List<NearestExemplars.Found> found =
          searchAll(
              queries.stream().flatMap(List::stream).toList(),
              index,
              knn.k(),
              j -> fold[j] != heldOut);
      int next = 0;
      for (int l = 0; l < lines.length; l++) {
        List<float[]> q = queries.get(l);
        Exemplar e = exemplars.get(lines[l]);
        LexicalHead.Readings read = lexical.get(heldOut).read(e.text(), Clauses.of(e.text()));
        SemanticScore s =
            SemanticScore.of(q, read, head, index, found.subList(next, next + q.size()), knn);
        next += q.size();
        features[lines[l]] = s.features();
        imminentFeatures[lines[l]] = s.imminentFeatures();
      }
    }
    double[] raise = new double[n];
    for (int f = 0; f < FOLDS; f++) {
      int heldOut = f;
      Stacking stacking = Stacking.fit(features, risky, i -> fold[i] != heldOut);
      for (int i = 0; i < n; i++) {
        if (fold[i] == heldOut) {
          raise[i] = stacking.score(features[i]);
        }
      }
    }
    Stacking all = Stacking.fit(features, risky, i -> true);
    // imminent against high, learnt on the risky lines only, out of fold like the raise score
    double[] imminent = new double[n];
    for (int f = 0; f < FOLDS; f++) {
      int heldOut = f;
      Stacking stacking =
          Stacking.fit(imminentFeatures, imminentLine, i -> risky[i] && fold[i] != heldOut);
      for (int i = 0; i < n; i++) {
        if (fold[i] == heldOut) {
          imminent[i] = stacking.score(imminentFeatures[i]);
        }
      }
    }
    Stacking allImminent = Stacking.fit(imminentFeatures, imminentLine, i -> risky[i]);
    int groups = (int) Arrays.stream(root).distinct().count();
    return new Predictions(
        raise, imminent, fold, groups, all, allImminent, heads.get(FOLDS), lexical.get(FOLDS));
  }

  private static LinearHead head(List<float[]> vectors, int[] labels, IntPredicate included) {
    List<float[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    for (int i = 0; i < vectors.size(); i++) {
      if (included.test(i)) {
        xs.add(vectors.get(i));
        ys.add(labels[i]);
      }
    }
    return LinearHead.train(xs, ys.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Every query searched, in order: chunks of {@link NearestExemplars#QUERIES} side by side. */
  private static List<NearestExemplars.Found> searchAll(
      List<float[]> queries, NearestExemplars index, int k, IntPredicate allowed) {
    int chunk = NearestExemplars.QUERIES;
    return IntStream.range(0, (queries.size() + chunk - 1) / chunk)
        .parallel()
        .mapToObj(
            c ->
                index.searchAll(
                    queries.subList(c * chunk, Math.min(queries.size(), (c + 1) * chunk)),
                    k,
                    allowed))
        .flatMap(List::stream)
        .toList();
  }

  /** Union of same-group lines and near-duplicates: each line's group representative. */
  static int[] groups(List<Exemplar> exemplars, List<float[]> vectors, NearestExemplars index) {
    int n = exemplars.size();
    int[] parent = IntStream.range(0, n).toArray();
    Map<String, Integer> byGroup = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Integer first = byGroup.putIfAbsent(exemplars.get(i).group(), i);
      if (first != null) {
        union(parent, first, i);
      }
    }
    int chunk = NearestExemplars.QUERIES;
    List<int[]> near =
        IntStream.range(0, (n + chunk - 1) / chunk)
            .parallel()
            .mapToObj(
                c -> {
                  int from = c * chunk;
                  float[][] similarity =
                      index.similaritiesAll(vectors.subList(from, Math.min(n, from + chunk)));
                  List<int[]> out = new ArrayList<>(similarity.length);
                  for (int q = 0; q < similarity.length; q++) {
                    List<Integer> js = new ArrayList<>();
                    for (int j = from + q + 1; j < n; j++) {
                      if (similarity[q][j] >= NEAR_DUPLICATE) {
                        js.add(j);
                      }
                    }
                    out.add(js.stream().mapToInt(Integer::intValue).toArray());
                  }
                  return out;
                })
            .flatMap(List::stream)
            .toList();
    for (int i = 0; i < n; i++) {
      for (int j : near.get(i)) {
        union(parent, i, j);
      }
    }
    int[] root = new int[n];
    for (int i = 0; i < n; i++) {
      root[i] = find(parent, i);
    }
    return root;
  }

  /**
   * Groups go to folds in an order fixed by a hash of their first line's text (not by file order),
   * largest first, each to the fold with fewest lines of that group's level so far.
   */
  static int[] folds(List<Exemplar> exemplars, int[] root) {
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int i = 0; i < root.length; i++) {
      members.computeIfAbsent(root[i], r -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> groups = new ArrayList<>(members.values());
    groups.sort(
        Comparator.<List<Integer>>comparingInt(g -> -g.size())
            .thenComparingLong(g -> ExemplarVectors.key(exemplars.get(g.get(0)).text()))
            .thenComparingInt(g -> g.get(0)));
    int[][] perLevel = new int[FOLDS][LinearHead.CLASSES];
    int[] fold = new int[root.length];
    for (List<Integer> g : groups) {
      int level = exemplars.get(g.get(0)).level().ordinal();
      int best = 0;
      for (int f = 1; f < FOLDS; f++) {
        if (perLevel[f][level] < perLevel[best][level]) {
          best = f;
        }
      }
      perLevel[best][level] += g.size();
      for (int i : g) {
        fold[i] = best;
      }
    }
    return fold;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
