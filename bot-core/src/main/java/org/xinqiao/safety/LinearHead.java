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

  static final int CLASSES = RiskLevel.values().length;
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
    for (int step = 1; step <= steps; step++) {
      double[][] grad = new double[CLASSES][d];
      for (int j = 0; j < n; j++) {
        float[] x = xs.get(j);
        for (int c = 0; c < CLASSES; c++) {
          double s = w[c][d - 1];
          for (int i = 0; i < d - 1; i++) {
            s += w[c][i] * x[i];
          }
          z[c] = s;
        }
        double[] p = softmax(z);
        double cw = classWeight[labels[j]] / weightSum;
        for (int c = 0; c < CLASSES; c++) {
          double g = cw * (p[c] - (labels[j] == c ? 1 : 0));
          double[] gc = grad[c];
          for (int i = 0; i < d - 1; i++) {
            gc[i] += g * x[i];
          }
          gc[d - 1] += g;
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
