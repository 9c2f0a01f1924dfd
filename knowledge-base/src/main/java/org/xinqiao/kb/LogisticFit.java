package org.xinqiao.kb;

/**
 * Logistic regression by Newton's method on standardised features with a small L2 penalty:
 * deterministic (no random start, no sampling), so the same data always gives the same weights.
 */
final class LogisticFit {
  /** Ridge penalty on standardised weights: keeps the fit stable when two features agree. */
  static final double L2 = 1.0;

  private static final int MAX_ITERATIONS = 100;

  private LogisticFit() {}

  /** Weights in the raw feature space, bias first, for {@link GateModel#sigmoid}. */
  static double[] fit(double[][] x, boolean[] y) {
    int n = x.length;
    int d = x[0].length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / n;
      }
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
    }
    double[][] z = new double[n][d + 1];
    for (int i = 0; i < n; i++) {
      z[i][0] = 1;
      for (int j = 0; j < d; j++) {
        z[i][j + 1] = (x[i][j] - mean[j]) / scale[j];
      }
    }
    double[] w = new double[d + 1];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[d + 1];
      double[][] hessian = new double[d + 1][d + 1];
      for (int i = 0; i < n; i++) {
        double p = GateModel.sigmoid(w, java.util.Arrays.copyOfRange(z[i], 1, d + 1));
        double residual = (y[i] ? 1 : 0) - p;
        double curvature = Math.max(p * (1 - p), 1e-9);
        for (int a = 0; a <= d; a++) {
          gradient[a] += residual * z[i][a];
          for (int b = 0; b <= d; b++) {
            hessian[a][b] += curvature * z[i][a] * z[i][b];
          }
        }
      }
      for (int a = 1; a <= d; a++) {
        gradient[a] -= L2 * w[a];
        hessian[a][a] += L2;
      }
      double[] step = solve(hessian, gradient);
      double size = 0;
      for (int a = 0; a <= d; a++) {
        w[a] += step[a];
        size = Math.max(size, Math.abs(step[a]));
      }
      if (size < 1e-10) {
        break;
      }
    }
    double[] raw = new double[d + 1];
    raw[0] = w[0];
    for (int j = 0; j < d; j++) {
      raw[j + 1] = w[j + 1] / scale[j];
      raw[0] -= w[j + 1] * mean[j] / scale[j];
    }
    return raw;
  }

  /** Gaussian elimination with partial pivoting (the matrix is small and positive definite). */
  private static double[] solve(double[][] matrix, double[] vector) {
    int n = vector.length;
    double[][] a = new double[n][];
    double[] b = vector.clone();
    for (int i = 0; i < n; i++) {
      a[i] = matrix[i].clone();
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] rowSwap = a[col];
      a[col] = a[pivot];
      a[pivot] = rowSwap;
      double valueSwap = b[col];
      b[col] = b[pivot];
      b[pivot] = valueSwap;
      for (int r = col + 1; r < n; r++) {
        double factor = a[r][col] / a[col][col];
        for (int c = col; c < n; c++) {
          a[r][c] -= factor * a[col][c];
        }
        b[r] -= factor * b[col];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double sum = b[r];
      for (int c = r + 1; c < n; c++) {
        sum -= a[r][c] * x[c];
      }
      x[r] = sum / a[r][r];
    }
    return x;
  }
}
