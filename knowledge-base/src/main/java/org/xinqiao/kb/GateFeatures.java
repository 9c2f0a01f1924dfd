package org.xinqiao.kb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The numbers the gate's fitted model reads, for one question against every entry its reader may
 * get. Names are written into the model file, so a model fitted on other features is refused.
 */
final class GateFeatures {
  /** Features of one question and one entry; the model turns them into P(entry answers it). */
  static final List<String> ENTRY =
      List.of(
          "cosine", // best cosine between the question and the entry's title or questions
          "clause_cosine", // the same for the question's best clause (long messages)
          "cosine_margin", // this entry's cosine minus the best other entry's
          "cosine_z", // cosine in standard deviations above the mean over entries
          "clause_z", // the same for the clause cosine
          "top3_cosine", // mean of the entry's three best text cosines
          "answer_cosine", // cosine between the question and the entry's short answer
          "cosine_rank", // 1 / rank by cosine
          "lucene_share", // Lucene score / best Lucene score (0 when Lucene did not find it)
          "lucene_rank", // 1 / rank in Lucene (0 when not found)
          "coverage", // LexicalCoverage
          "agreement", // 1 / (cosine rank x Lucene rank): both rankings put it high
          "admin_margin", // closeness to school-administration examples minus best entry cosine
          "other_margin", // closeness to other out-of-scope examples minus best entry cosine
          "length", // log of the question's length: long messages have lower cosines
          "in_margin", // closeness to in-scope calibration questions minus best entry cosine
          "message_cosine", // best cosine between the question and the entry's longer messages
          "message_clause", // the same for the question's best clause
          "message_margin"); // message_cosine minus the best other entry's

  /** Features of the question alone; the model turns them into P(school administration). */
  static final List<String> ADMIN =
      List.of(
          "admin_similarity", // mean of the 3 best cosines to school-administration examples
          "other_similarity", // the same for other out-of-scope examples
          "best_cosine", // best entry cosine
          "best_clause_cosine",
          "best_coverage",
          "in_similarity"); // mean of the 3 best cosines to in-scope calibration questions

  /**
   * Features of the ranked list; the model turns them into P(the first entry answers it). Fitted on
   * out-of-fold entry probabilities (stacking), so it learns how far to trust them.
   */
  static final List<String> ANSWER =
      List.of(
          "top_logit", // log-odds of the first entry's probability
          "second_logit", // and of the second's: a clear lead is worth more than a high first
          "lead", // the first entry's share of the probabilities of the first three
          "top_cosine",
          "top_cosine_z",
          "top_clause_cosine",
          "top_lucene_rank",
          "top_coverage",
          "agreement", // 1 when the vectors and Lucene both rank the first entry first
          "length",
          "admin_similarity",
          "other_similarity",
          "in_similarity");

  /** Entries scored: the best by cosine and whatever Lucene found; the rest cannot win. */
  static final int COSINE_CANDIDATES = 12;

  /** How many nearest examples a similarity averages: one odd example cannot decide alone. */
  static final int NEAREST = 3;

  record Candidate(Entry entry, double[] x) {}

  /**
   * @param admin the {@link #ADMIN} features
   */
  record Result(List<Candidate> candidates, double[] admin) {
    double adminSimilarity() {
      return admin[0];
    }

    double otherSimilarity() {
      return admin[1];
    }
  }

  /** The {@link #ANSWER} features of a ranked list (best first, at least one entry). */
  static double[] answer(List<HybridGate.Scored> ranked, Result features) {
    HybridGate.Scored top = ranked.get(0);
    double[] x = top.candidate().x();
    double firstThree = 0;
    for (HybridGate.Scored s : ranked.subList(0, Math.min(3, ranked.size()))) {
      firstThree += s.probability();
    }
    double luceneRank = x[ENTRY.indexOf("lucene_rank")];
    double cosineRank = x[ENTRY.indexOf("cosine_rank")];
    return new double[] {
      logit(top.probability()),
      logit(ranked.size() > 1 ? ranked.get(1).probability() : 0),
      firstThree <= 0 ? 0 : top.probability() / firstThree,
      x[ENTRY.indexOf("cosine")],
      x[ENTRY.indexOf("cosine_z")],
      x[ENTRY.indexOf("clause_cosine")],
      luceneRank,
      x[ENTRY.indexOf("coverage")],
      luceneRank == 1 && cosineRank == 1 ? 1 : 0,
      x[ENTRY.indexOf("length")],
      features.adminSimilarity(),
      features.otherSimilarity(),
      features.admin()[5]
    };
  }

  /** The question's embeddings: the whole message and, for longer messages, its clauses. */
  record Vectors(float[] whole, List<float[]> clauses, int length) {}

  private GateFeatures() {}

  /** Clauses worth embedding on their own: at least 4 characters, at most 4 of them. */
  static List<String> clauses(String question) {
    List<String> clauses = new ArrayList<>();
    for (String part : question.split("[，。！？、；：,.!?;:\\s~～…]+")) {
      if (part.codePointCount(0, part.length()) >= 4 && clauses.size() < 4) {
        clauses.add(part);
      }
    }
    return clauses.size() >= 2 ? clauses : List.of();
  }

  /**
   * Parents never get, or are offered, an entry written only for teachers; teachers may get parent
   * entries (many are parents), so only parents are filtered.
   */
  static boolean offered(Entry entry, Audience reader) {
    return reader != Audience.PARENT || entry.audience() != Audience.TEACHER;
  }

  private static double logit(double p) {
    double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
    return Math.log(q / (1 - q));
  }

  private static double[] zScores(double[] values) {
    double mean = Arrays.stream(values).average().orElse(0);
    double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0);
    double sd = Math.sqrt(variance);
    return Arrays.stream(values).map(v -> sd < 1e-9 ? 0 : (v - mean) / sd).toArray();
  }

  static Result compute(
      Vectors vectors,
      AnalyzedText analyzed,
      Map<String, Float> lucene,
      IndexSnapshot snapshot,
      OutOfScopeExamples examples,
      Audience reader,
      boolean leaveOut) {
    List<Entry> allowed = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < snapshot.entries.size(); i++) {
      if (offered(snapshot.entries.get(i), reader)) {
        allowed.add(snapshot.entries.get(i));
        positions.add(i);
      }
    }
    int n = allowed.size();
    double[] cosine = new double[n];
    double[] clause = new double[n];
    for (int i = 0; i < n; i++) {
      cosine[i] = snapshot.vectors.best(positions.get(i), vectors.whole());
      clause[i] = cosine[i];
      for (float[] c : vectors.clauses()) {
        clause[i] = Math.max(clause[i], snapshot.vectors.best(positions.get(i), c));
      }
    }
    double[] message = new double[n];
    double[] messageClause = new double[n];
    for (int i = 0; i < n; i++) {
      message[i] = snapshot.vectors.bestMessage(positions.get(i), vectors.whole());
      messageClause[i] = message[i];
      for (float[] c : vectors.clauses()) {
        messageClause[i] =
            Math.max(messageClause[i], snapshot.vectors.bestMessage(positions.get(i), c));
      }
    }
    double[] messageSorted = message.clone();
    Arrays.sort(messageSorted);
    double messageBest = n == 0 ? 0 : messageSorted[n - 1];
    double messageSecond = n < 2 ? 0 : messageSorted[n - 2];
    double[] cosineZ = zScores(cosine);
    double[] clauseZ = zScores(clause);
    double length = Math.log(1 + vectors.length());
    double[] sorted = cosine.clone();
    Arrays.sort(sorted);
    double best = n == 0 ? 0 : sorted[n - 1];
    double second = n < 2 ? 0 : sorted[n - 2];
    List<String> luceneOrder =
        lucene.keySet().stream().filter(id -> offered(snapshot.byId.get(id), reader)).toList();
    float luceneBest = luceneOrder.isEmpty() ? 0 : lucene.get(luceneOrder.get(0));
    LexicalCoverage coverage = LexicalCoverage.of(analyzed, snapshot);
    double adminSimilarity = examples.admin(vectors.whole(), NEAREST, leaveOut);
    double otherSimilarity = examples.other(vectors.whole(), NEAREST, leaveOut);
    double inSimilarity = examples.inScope(vectors.whole(), NEAREST, leaveOut);
    List<Candidate> candidates = new ArrayList<>(n);
    double bestClause = 0;
    double bestCoverage = 0;
    for (int i = 0; i < n; i++) {
      Entry entry = allowed.get(i);
      int cosineRank = 1;
      for (double c : cosine) {
        cosineRank += c > cosine[i] ? 1 : 0;
      }
      int luceneRank = luceneOrder.indexOf(entry.id()) + 1;
      int messageRank = 1;
      for (double m : message) {
        messageRank += m > message[i] ? 1 : 0;
      }
      if (cosineRank > COSINE_CANDIDATES && luceneRank == 0 && messageRank > COSINE_CANDIDATES) {
        continue;
      }
      double covered = coverage.of(entry, snapshot);
      bestClause = Math.max(bestClause, clause[i]);
      bestCoverage = Math.max(bestCoverage, covered);
      candidates.add(
          new Candidate(
              entry,
              new double[] {
                cosine[i],
                clause[i],
                cosine[i] - (cosine[i] == best ? second : best),
                cosineZ[i],
                clauseZ[i],
                snapshot.vectors.topThree(positions.get(i), vectors.whole()),
                snapshot.vectors.answer(positions.get(i), vectors.whole()),
                1.0 / cosineRank,
                luceneRank == 0 || luceneBest <= 0 ? 0 : lucene.get(entry.id()) / luceneBest,
                luceneRank == 0 ? 0 : 1.0 / luceneRank,
                covered,
                luceneRank == 0 ? 0 : 1.0 / (cosineRank * luceneRank),
                adminSimilarity - best,
                otherSimilarity - best,
                length,
                inSimilarity - best,
                message[i],
                messageClause[i],
                message[i] - (message[i] == messageBest ? messageSecond : messageBest)
              }));
    }
    double[] admin = {
      adminSimilarity, otherSimilarity, best, bestClause, bestCoverage, inSimilarity
    };
    return new Result(candidates, admin);
  }
}
