package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinqiao.semantic.TextEmbedder;

/**
 * The blocked search must give what one dot product at a time gives, bit for bit: training's
 * figures and every verdict depend on the exact similarities and the order of ties.
 */
class NearestExemplarsTest {

  /** Not a multiple of the block, so the last block is partly empty. */
  private static final int COUNT = 3 * NearestExemplars.BLOCK + 37;

  private final Random random = new Random(9);
  private final List<Exemplar> exemplars = new ArrayList<>();
  private final List<float[]> vectors = new ArrayList<>();

  NearestExemplarsTest() {
    RiskLevel[] levels = RiskLevel.values();
    for (int i = 0; i < COUNT; i++) {
      exemplars.add(
          new Exemplar(
              "test.tsv",
              i + 1,
              "line " + i,
              levels[i % levels.length],
              Set.of(),
              "-",
              "-",
              "g" + i,
              ""));
      vectors.add(i % 50 == 7 ? vectors.get(i - 1).clone() : unit()); // some exact ties
    }
  }

  @Test
  void everySimilarityIsTheSameFloatAsOneDotProductAtATime() {
    NearestExemplars index = new NearestExemplars(exemplars, vectors);
    for (int q = 0; q < 5; q++) {
      float[] query = unit();
      float[] all = index.similarities(query);
      for (int i = 0; i < COUNT; i++) {
        assertThat(Float.floatToRawIntBits(all[i]))
            .as("exemplar %d", i)
            .isEqualTo(Float.floatToRawIntBits(TextEmbedder.cosine(query, vectors.get(i))));
      }
    }
  }

  @Test
  void findsTheSameNeighboursInTheSameOrderAsAPlainScan() {
    NearestExemplars index = new NearestExemplars(exemplars, vectors);
    for (int q = 0; q < 5; q++) {
      float[] query = q == 0 ? vectors.get(7) : unit(); // a query with a tie among its nearest
      int odd = q;
      NearestExemplars.Found found = index.search(query, 10, i -> (i + odd) % 3 != 0);
      assertThat(found).isEqualTo(plainScan(query, 10, odd));
    }
  }

  @Test
  void searchingManyQueriesAtOnceFindsWhatEachSearchAloneFinds() {
    NearestExemplars index = new NearestExemplars(exemplars, vectors);
    List<float[]> queries = new ArrayList<>();
    for (int q = 0; q < 2 * NearestExemplars.QUERIES + 5; q++) { // a last, partial chunk
      queries.add(q % 9 == 0 ? vectors.get(q * 7) : unit());
    }
    List<NearestExemplars.Found> together = index.searchAll(queries, 10, i -> i % 4 != 1);
    float[][] similarities = index.similaritiesAll(queries);
    assertThat(together).hasSameSizeAs(queries);
    for (int q = 0; q < queries.size(); q++) {
      assertThat(together.get(q)).isEqualTo(index.search(queries.get(q), 10, i -> i % 4 != 1));
      assertThat(similarities[q]).isEqualTo(index.similarities(queries.get(q)));
    }
  }

  @Test
  void givesBackEachVectorAsItWasGiven() {
    NearestExemplars index = new NearestExemplars(exemplars, vectors);
    for (int i = 0; i < COUNT; i += 41) {
      assertThat(index.vector(i)).isEqualTo(vectors.get(i));
    }
  }

  /** The search as it was before the blocked layout: one cosine per exemplar, in index order. */
  private NearestExemplars.Found plainScan(float[] query, int k, int odd) {
    float nearestRisk = -1;
    float nearestSafe = -1;
    List<NearestExemplars.Neighbour> kept = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      if ((i + odd) % 3 == 0) {
        continue;
      }
      float s = TextEmbedder.cosine(query, vectors.get(i));
      if (exemplars.get(i).level().atLeast(RiskLevel.HIGH)) {
        nearestRisk = Math.max(nearestRisk, s);
      } else {
        nearestSafe = Math.max(nearestSafe, s);
      }
      int at = 0;
      while (at < kept.size() && kept.get(at).similarity() >= s) {
        at++;
      }
      if (at < k) {
        kept.add(at, new NearestExemplars.Neighbour(i, s));
        if (kept.size() > k) {
          kept.remove(k);
        }
      }
    }
    return new NearestExemplars.Found(kept, nearestRisk, nearestSafe);
  }

  private float[] unit() {
    float[] v = new float[TextEmbedder.DIMENSIONS];
    double norm = 0;
    for (int d = 0; d < v.length; d++) {
      v[d] = (float) random.nextGaussian();
      norm += (double) v[d] * v[d];
    }
    float inv = (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < v.length; d++) {
      v[d] *= inv;
    }
    return v;
  }
}
