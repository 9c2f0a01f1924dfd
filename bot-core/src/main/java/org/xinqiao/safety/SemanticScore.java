package org.xinqiao.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * What the head and the nearest exemplars say about one message: its whole embedding, and the
 * riskiest of its clauses (see {@link Clauses}).
 *
 * @param whole the read of the whole message
 * @param clause the riskiest reading of its clauses (each number the maximum over the clauses); the
 *     whole again when the message is one clause
 * @param lexical what the character grams say of the whole and of the riskiest clause, of risk and
 *     of imminence
 */
record SemanticScore(
    Read whole, Clause clause, LexicalHead.Readings lexical, SemanticSettings settings) {

  private static final int HIGH = RiskLevel.HIGH.ordinal();
  private static final int IMMINENT = RiskLevel.IMMINENT.ordinal();

  /**
   * One embedding read by the head and the nearest exemplars.
   *
   * @param head the head's probabilities per level
   * @param vote the similarity-weighted share of the nearest exemplars per level
   * @param nearestRisk the cosine to the nearest high or imminent exemplar
   * @param nearestSafe the cosine to the nearest none or concern exemplar
   * @param neighbours the nearest exemplars, most similar first
   */
  record Read(
      double[] head,
      double[] vote,
      double nearestRisk,
      double nearestSafe,
      List<NearestExemplars.Neighbour> neighbours) {

    double headRisk() {
      return head[HIGH] + head[IMMINENT];
    }

    double margin() {
      return nearestRisk - nearestSafe;
    }

    double imminent(SemanticSettings settings) {
      double w = settings.headWeight();
      return w * head[IMMINENT] + (1 - w) * vote[IMMINENT];
    }
  }

  /**
   * The riskiest clause: the highest head share, nearest-risky cosine, margin and imminent score
   * over the clauses, each on its own (a clause may be close to a risky line without the head
   * agreeing), and the neighbours of the clause closest to a risky exemplar, for the reasons.
   */
  record Clause(
      double headRisk,
      double nearestRisk,
      double margin,
      double imminent,
      List<NearestExemplars.Neighbour> neighbours) {

    static Clause of(Read whole, List<Read> clauses, SemanticSettings settings) {
      if (clauses.isEmpty()) {
        return new Clause(
            whole.headRisk(),
            whole.nearestRisk(),
            whole.margin(),
            whole.imminent(settings),
            List.of());
      }
      Read closest = clauses.get(0);
      double head = 0;
      double margin = -2;
      double imminent = 0;
      for (Read c : clauses) {
        head = Math.max(head, c.headRisk());
        margin = Math.max(margin, c.margin());
        imminent = Math.max(imminent, c.imminent(settings));
        if (c.nearestRisk() > closest.nearestRisk()) {
          closest = c;
        }
      }
      return new Clause(head, closest.nearestRisk(), margin, imminent, closest.neighbours());
    }
  }

  /**
   * How strongly the message reads as high or imminent: the trained stacking over {@link
   * #features()}, or (before it is fitted) head and vote weighted.
   */
  double raise() {
    if (settings.stacking() != null) {
      return settings.stacking().score(features());
    }
    double w = settings.headWeight();
    return w * whole.headRisk() + (1 - w) * (whole.vote()[HIGH] + whole.vote()[IMMINENT]);
  }

  double[] features() {
    return Stacking.features(whole, clause, lexical.risk());
  }

  /**
   * How strongly it reads as imminent rather than anything else: the whole and its most imminent
   * clause ("我已经在楼顶了" inside a long message about the day), combined by a fitted stacking. A plain
   * maximum would lift every long message and so the threshold with it, and a short message (one
   * clause, nothing to lift it) would then fall under a threshold set for long ones.
   */
  double imminent() {
    double[] x = imminentFeatures();
    if (settings.imminentStacking() != null) {
      return settings.imminentStacking().score(x);
    }
    return Math.max(x[0], x[1]);
  }

  double[] imminentFeatures() {
    return new double[] {
      whole.imminent(settings),
      clause.imminent(),
      lexical.imminent().whole(),
      lexical.imminent().clause()
    };
  }

  /** The neighbours of the whole and of the riskiest clause, most similar first. */
  List<NearestExemplars.Neighbour> neighbours() {
    if (clause.neighbours().isEmpty()) {
      return whole.neighbours();
    }
    List<NearestExemplars.Neighbour> all = new ArrayList<>(whole.neighbours());
    for (NearestExemplars.Neighbour n : clause.neighbours()) {
      if (all.stream().noneMatch(m -> m.index() == n.index())) {
        all.add(n);
      }
    }
    all.sort(Comparator.comparingDouble(NearestExemplars.Neighbour::similarity).reversed());
    return all;
  }

  /**
   * Scores a message's vector and its clauses' vectors (empty for a one-clause message) with the
   * head and a vote of the {@code k} nearest allowed exemplars, beside its grams' reading.
   */
  static SemanticScore of(
      float[] vector,
      List<float[]> clauses,
      LexicalHead.Readings lexical,
      LinearHead head,
      NearestExemplars index,
      SemanticSettings settings,
      IntPredicate allowed) {
    List<float[]> queries = queries(vector, clauses);
    List<NearestExemplars.Found> found = index.searchAll(queries, settings.k(), allowed);
    return of(queries, lexical, head, index, found, settings);
  }

  /** The whole vector first, then the clauses': what {@link #of} searches, in that order. */
  static List<float[]> queries(float[] vector, List<float[]> clauses) {
    List<float[]> queries = new ArrayList<>(1 + clauses.size());
    queries.add(vector);
    queries.addAll(clauses);
    return queries;
  }

  /** Scores {@link #queries} from their searches, done already (in a batch, in training). */
  static SemanticScore of(
      List<float[]> queries,
      LexicalHead.Readings lexical,
      LinearHead head,
      NearestExemplars index,
      List<NearestExemplars.Found> found,
      SemanticSettings settings) {
    Read whole = read(queries.get(0), found.get(0), head, index, settings);
    List<Read> parts = new ArrayList<>(queries.size() - 1);
    for (int c = 1; c < queries.size(); c++) {
      parts.add(read(queries.get(c), found.get(c), head, index, settings));
    }
    return new SemanticScore(whole, Clause.of(whole, parts, settings), lexical, settings);
  }

  private static Read read(
      float[] vector,
      NearestExemplars.Found found,
      LinearHead head,
      NearestExemplars index,
      SemanticSettings settings) {
    List<NearestExemplars.Neighbour> near = found.neighbours();
    double[] vote = new double[LinearHead.CLASSES];
    if (!near.isEmpty()) {
      double best = near.get(0).similarity();
      double sum = 0;
      for (NearestExemplars.Neighbour n : near) {
        double w = StrictMath.exp((n.similarity() - best) / settings.temperature());
        vote[index.exemplar(n.index()).level().ordinal()] += w;
        sum += w;
      }
      for (int c = 0; c < vote.length; c++) {
        vote[c] /= sum;
      }
    }
    return new Read(
        head.probabilities(vector), vote, found.nearestRisk(), found.nearestSafe(), near);
  }
}
