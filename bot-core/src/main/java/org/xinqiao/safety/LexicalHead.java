package org.xinqiao.safety;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A second, independent reading of a message beside the embedding: logistic regression on the
 * character one-, two- and three-grams of its normalised text (hashed into {@code 2^}{@value #BITS}
 * buckets), risky (high or imminent) against the rest. It is not a word list and it does not decide
 * anything: its score, for the whole message and for its riskiest clause, is two more features of
 * the stacking, and cross-validation decides how much they weigh. The embedding model reads meaning
 * but blurs short, telling word pairs (备好了, 最后一次, 遗书); the grams keep them. Grouped
 * cross-validation on the exemplars (each line scored by grams fitted without its fold): written
 * lines raised 71.6 to 80.3 %, raised or asked 90.4 to 94.6 %, imminent 72.8 to 77.8 %, none raised
 * 4.2 to 3.9 %. Trained like {@link LinearHead}: full batch, Adam, fixed steps, fixed order, {@link
 * StrictMath}, so the same data gives the same weights bit for bit.
 */
final class LexicalHead {

  static final String FILE = "lexical-head.bin";
  static final String IMMINENT_FILE = "lexical-imminent.bin";
  static final int BITS = 20;
  private static final int SIZE = 1 << BITS;
  private static final int LONGEST = 3;
  static final int STEPS = 150;
  static final double RATE = 0.05;
  static final double L2 = 1e-6;

  /** A text's score and its riskiest clause's (the whole's own when it is one clause). */
  record Reading(double whole, double clause) {}

  /**
   * The two gram heads: risky (high or imminent) against the rest, and imminent against high
   * (fitted on the risky lines only, as the imminent stacking is).
   */
  record Pair(LexicalHead risk, LexicalHead imminent) {
    Readings read(String text, List<String> clauses) {
      return new Readings(risk.read(text, clauses), imminent.read(text, clauses));
    }
  }

  /** What the two gram heads say of one text. */
  record Readings(Reading risk, Reading imminent) {}

  private final float[] weights;
  private final float bias;

  private LexicalHead(float[] weights, float bias) {
    this.weights = weights;
    this.bias = bias;
  }

  /** The buckets of a text's grams, each once, ascending (whitespace runs count as one space). */
  static int[] grams(String text) {
    String s = TextNormalizer.normalize(text).replaceAll("\\s+", " ").strip();
    int[] found = new int[LONGEST * s.length()];
    int count = 0;
    for (int n = 1; n <= LONGEST; n++) {
      for (int i = 0; i + n <= s.length(); i++) {
        String g = s.substring(i, i + n);
        if (!g.isBlank()) {
          found[count++] = (g.hashCode() * 0x9E3779B1) >>> (32 - BITS);
        }
      }
    }
    int[] sorted = Arrays.copyOf(found, count);
    Arrays.sort(sorted);
    return Arrays.stream(sorted).distinct().toArray();
  }

  double score(int[] grams) {
    double s = bias;
    for (int j : grams) {
      s += weights[j];
    }
    return 1 / (1 + StrictMath.exp(-s));
  }

  Reading read(String text, List<String> clauses) {
    double whole = score(grams(text));
    double clause = whole;
    for (String c : clauses) {
      clause = Math.max(clause, score(grams(c)));
    }
    return new Reading(whole, clause);
  }

  /**
   * Fits on the lines {@code used}, risky against the rest, each side weighted to half the total
   * (risky lines are fewer among the benign ones in some sources).
   */
  static LexicalHead train(List<int[]> grams, boolean[] risky, IntPredicate used) {
    int n = 0;
    int positive = 0;
    BitSet touched = new BitSet(SIZE);
    for (int i = 0; i < grams.size(); i++) {
      if (used.test(i)) {
        n++;
        positive += risky[i] ? 1 : 0;
        for (int j : grams.get(i)) {
          touched.set(j);
        }
      }
    }
    double positiveWeight = n / (2.0 * positive);
    double negativeWeight = n / (2.0 * (n - positive));
    int[] buckets = touched.stream().toArray();
    double[] w = new double[SIZE];
    double[] m = new double[SIZE];
    double[] v = new double[SIZE];
    double[] g = new double[SIZE];
    double b = 0;
    double mb = 0;
    double vb = 0;
    for (int step = 1; step <= STEPS; step++) {
      for (int j : buckets) {
        g[j] = 0;
      }
      double gb = 0;
      for (int i = 0; i < grams.size(); i++) {
        if (!used.test(i)) {
          continue;
        }
        int[] x = grams.get(i);
        double s = b;
        for (int j : x) {
          s += w[j];
        }
        double weight = risky[i] ? positiveWeight : negativeWeight;
        double err = (1 / (1 + StrictMath.exp(-s)) - (risky[i] ? 1 : 0)) * weight / n;
        for (int j : x) {
          g[j] += err;
        }
        gb += err;
      }
      double b1 = 1 - StrictMath.pow(0.9, step);
      double b2 = 1 - StrictMath.pow(0.999, step);
      for (int j : buckets) {
        double gj = g[j] + L2 * w[j];
        m[j] = 0.9 * m[j] + 0.1 * gj;
        v[j] = 0.999 * v[j] + 0.001 * gj * gj;
        w[j] -= RATE * (m[j] / b1) / (StrictMath.sqrt(v[j] / b2) + 1e-8);
      }
      mb = 0.9 * mb + 0.1 * gb;
      vb = 0.999 * vb + 0.001 * gb * gb;
      b -= RATE * (mb / b1) / (StrictMath.sqrt(vb / b2) + 1e-8);
    }
    float[] out = new float[SIZE];
    for (int j : buckets) {
      out[j] = (float) w[j];
    }
    return new LexicalHead(out, (float) b);
  }

  /** The bias, then the buckets with a weight: (bucket, weight) pairs, ascending. */
  void write(OutputStream target) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target));
    int[] used = used();
    out.writeInt(BITS);
    out.writeFloat(bias);
    out.writeInt(used.length);
    for (int j : used) {
      out.writeInt(j);
      out.writeFloat(weights[j]);
    }
    out.flush();
  }

  static LexicalHead read(InputStream source, String name) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(source));
    int bits = in.readInt();
    if (bits != BITS) {
      throw new RiskRulesException(name + ": " + bits + "-bit buckets, expected " + BITS);
    }
    float bias = in.readFloat();
    int count = in.readInt();
    float[] weights = new float[SIZE];
    int last = -1;
    for (int k = 0; k < count; k++) {
      int j = in.readInt();
      if (j <= last || j >= SIZE) {
        throw new RiskRulesException(name + ": bucket " + j + " out of order or range");
      }
      weights[j] = in.readFloat();
      last = j;
    }
    if (in.read() != -1) {
      throw new RiskRulesException(name + ": trailing bytes");
    }
    return new LexicalHead(weights, bias);
  }

  private int[] used() {
    return java.util.stream.IntStream.range(0, SIZE).filter(j -> weights[j] != 0).toArray();
  }

  /** SHA-256 over the bias and the weights' bits: what the retraining test compares. */
  String fingerprint() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ByteBuffer buffer = ByteBuffer.allocate(4 * (SIZE + 1));
      buffer.putFloat(bias);
      for (float f : weights) {
        buffer.putFloat(f);
      }
      return java.util.HexFormat.of().formatHex(digest.digest(buffer.array()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LexicalHead other
        && bias == other.bias
        && Arrays.equals(weights, other.weights);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights) * 31 + Float.hashCode(bias);
  }
}
