package org.xinqiao.safety;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Multinomial logistic regression from a message embedding to the four levels. Trained in plain
 * Java, full batch with Adam, a fixed number of steps, classes weighted by their inverse frequency
 * (imminent lines are few), L2 penalty on the weights: no randomness and a fixed summation order,
 * so the same data gives the same weights bit for bit.
 *
 * @param weights {@code [level][dimension]}, with the bias last
 */
record LinearHead(float[][] weights) {

  /** None, concern, high, imminent (the training loop is written out for exactly four). */
  static final int CLASSES = 4;

  static final int STEPS = 300;
  static final double LEARNING_RATE = 0.05;
  static final double L2 = 1e-4;

  /** Probabilities of none, concern, high, imminent. */
  double[] probabilities(float[] x) {
    double[] z = new double[CLASSES];
    for (int c = 0; c < CLASSES; c++) {
      float[] w = weights[c];
      double s = w[x.length];
      for (int i = 0; i < x.length; i++) {
        s += w[i] * x[i];
      }
      z[c] = s;
    }
    return softmax(z);
  }

  static LinearHead train(List<float[]> xs, int[] labels) {
    return train(xs, labels, STEPS, LEARNING_RATE, L2, true);
  }

  static LinearHead train(
      List<float[]> xs, int[] labels, int steps, double rate, double l2, boolean balanced) {
    int n = xs.size();
    int d = xs.get(0).length + 1;
    double[] classWeight = classWeights(labels);
    if (!balanced) {
      java.util.Arrays.fill(classWeight, 1.0);
    }
    double[][] w = new double[CLASSES][d];
    double[][] m = new double[CLASSES][d];
    double[][] v = new double[CLASSES][d];
    double weightSum = 0;
    for (int label : labels) {
      weightSum += classWeight[label];
    }
    double[] z = new double[CLASSES];
    double[] zNext = new double[CLASSES];
    double[] lineGradient = new double[CLASSES];
    for (int step = 1; step <= steps; step++) {
      double[][] grad = new double[CLASSES][d];
      // two lines at a time: eight independent sums keep the multiply-add units busy; the
      // gradient still takes each line's terms in line order
      for (int j = 0; j < n; j += 2) {
        float[] x = xs.get(j);
        float[] next = j + 1 < n ? xs.get(j + 1) : null;
        logits(w, x, next, z, zNext);
        double cw = classWeight[labels[j]] / weightSum;
        gradient(softmax(z), labels[j], cw, lineGradient);
        accumulate(grad, x, lineGradient);
        if (next != null) {
          double nextWeight = classWeight[labels[j + 1]] / weightSum;
          gradient(softmax(zNext), labels[j + 1], nextWeight, lineGradient);
          accumulate(grad, next, lineGradient);
        }
      }
      double b1 = 1 - StrictMath.pow(0.9, step);
      double b2 = 1 - StrictMath.pow(0.999, step);
      for (int c = 0; c < CLASSES; c++) {
        for (int i = 0; i < d; i++) {
          double g = grad[c][i] + (i < d - 1 ? l2 * w[c][i] : 0);
          m[c][i] = 0.9 * m[c][i] + 0.1 * g;
          v[c][i] = 0.999 * v[c][i] + 0.001 * g * g;
          w[c][i] -= rate * (m[c][i] / b1) / (StrictMath.sqrt(v[c][i] / b2) + 1e-8);
        }
      }
    }
    float[][] out = new float[CLASSES][d];
    for (int c = 0; c < CLASSES; c++) {
      for (int i = 0; i < d; i++) {
        out[c][i] = (float) w[c][i];
      }
    }
    return new LinearHead(out);
  }

  /**
   * The four logits of {@code x} and of {@code y} (when not null), each summed in dimension order,
   * as eight chains side by side: one chain at a time, every add waits on the one before, and this
   * loop is half of the training.
   */
  private static void logits(double[][] w, float[] x, float[] y, double[] zx, double[] zy) {
    double[] w0 = w[0];
    double[] w1 = w[1];
    double[] w2 = w[2];
    double[] w3 = w[3];
    int bias = x.length;
    double s0 = w0[bias];
    double s1 = w1[bias];
    double s2 = w2[bias];
    double s3 = w3[bias];
    if (y == null) {
      for (int i = 0; i < bias; i++) {
        double xi = x[i];
        s0 += w0[i] * xi;
        s1 += w1[i] * xi;
        s2 += w2[i] * xi;
        s3 += w3[i] * xi;
      }
    } else {
      double t0 = s0;
      double t1 = s1;
      double t2 = s2;
      double t3 = s3;
      for (int i = 0; i < bias; i++) {
        double xi = x[i];
        double yi = y[i];
        s0 += w0[i] * xi;
        s1 += w1[i] * xi;
        s2 += w2[i] * xi;
        s3 += w3[i] * xi;
        t0 += w0[i] * yi;
        t1 += w1[i] * yi;
        t2 += w2[i] * yi;
        t3 += w3[i] * yi;
      }
      zy[0] = t0;
      zy[1] = t1;
      zy[2] = t2;
      zy[3] = t3;
    }
    zx[0] = s0;
    zx[1] = s1;
    zx[2] = s2;
    zx[3] = s3;
  }

  /** One line's share of the loss gradient per class, into {@code g}. */
  private static void gradient(double[] p, int label, double lineWeight, double[] g) {
    for (int c = 0; c < CLASSES; c++) {
      g[c] = lineWeight * (p[c] - (label == c ? 1 : 0));
    }
  }

  /** Adds one line's gradient: all four classes in one pass over the line's vector. */
  private static void accumulate(double[][] grad, float[] x, double[] g) {
    double[] a0 = grad[0];
    double[] a1 = grad[1];
    double[] a2 = grad[2];
    double[] a3 = grad[3];
    double g0 = g[0];
    double g1 = g[1];
    double g2 = g[2];
    double g3 = g[3];
    int bias = x.length;
    for (int i = 0; i < bias; i++) {
      double xi = x[i];
      a0[i] += g0 * xi;
      a1[i] += g1 * xi;
      a2[i] += g2 * xi;
      a3[i] += g3 * xi;
    }
    a0[bias] += g0;
    a1[bias] += g1;
    a2[bias] += g2;
    a3[bias] += g3;
  }

  /** Inverse class frequency, so that 200 imminent lines weigh as much as 5,000 benign ones. */
  private static double[] classWeights(int[] labels) {
    int[] counts = new int[CLASSES];
    for (int label : labels) {
      counts[label]++;
    }
    double[] out = new double[CLASSES];
    for (int c = 0; c < CLASSES; c++) {
      out[c] = counts[c] == 0 ? 0 : (double) labels.length / (CLASSES * counts[c]);
    }
    return out;
  }

  private static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : z) {
      max = Math.max(max, x);
    }
    double sum = 0;
    double[] p = new double[z.length];
    for (int c = 0; c < z.length; c++) {
      p[c] = StrictMath.exp(z[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < z.length; c++) {
      p[c] /= sum;
    }
    return p;
  }

  static final String FILE = "head.f32";

  void write(java.io.OutputStream target) throws java.io.IOException {
    var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(target));
    out.writeInt(weights.length);
    out.writeInt(weights[0].length);
    for (float[] row : weights) {
      for (float f : row) {
        out.writeFloat(f);
      }
    }
    out.flush();
  }

  static LinearHead read(java.io.InputStream source, String name) throws java.io.IOException {
    var in = new java.io.DataInputStream(new java.io.BufferedInputStream(source));
    int classes = in.readInt();
    int d = in.readInt();
    if (classes != CLASSES || d != org.xinqiao.semantic.TextEmbedder.DIMENSIONS + 1) {
      throw new RiskRulesException(name + ": " + classes + "x" + d + " weights, expected 4x513");
    }
    float[][] w = new float[classes][d];
    for (float[] row : w) {
      for (int i = 0; i < d; i++) {
        row[i] = in.readFloat();
      }
    }
    if (in.read() != -1) {
      throw new RiskRulesException(name + ": trailing bytes");
    }
    return new LinearHead(w);
  }

  /** SHA-256 over the weights' bits: what the retraining test compares. */
  String fingerprint() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ByteBuffer buffer = ByteBuffer.allocate(weights[0].length * 4);
      for (float[] row : weights) {
        buffer.clear();
        for (float f : row) {
          buffer.putFloat(f);
        }
        digest.update(buffer.array(), 0, buffer.position());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
