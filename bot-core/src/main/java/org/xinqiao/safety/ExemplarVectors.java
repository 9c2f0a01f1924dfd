package org.xinqiao.safety;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xinqiao.semantic.TextEmbedder;

/**
 * The exemplar embeddings computed at training time, so that start-up does not embed thousands of
 * lines. Each vector is keyed by a hash of its exemplar's canonical text (a counselor's edit
 * changes the hash, and that line is embedded at start-up instead) and stored as int8 with one
 * scale per vector: 4x smaller than floats, cosines move by about 0.001. Training uses the stored
 * form too ({@link #stored}), so a retrain from this file reproduces the head exactly.
 *
 * <p>Format: "XQV1", int count, int dimensions, then per vector: long hash, float scale, bytes.
 */
final class ExemplarVectors {

  static final String FILE = "exemplars.i8";
  private static final int MAGIC = 0x58515631; // "XQV1"

  private ExemplarVectors() {}

  /** The key of a text: the first 8 bytes of SHA-256 over its canonical form. */
  static long key(String text) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(TextEmbedder.canonical(text).getBytes(StandardCharsets.UTF_8));
      long h = 0;
      for (int i = 0; i < 8; i++) {
        h = (h << 8) | (d[i] & 0xff);
      }
      return h;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One vector as stored: int8 values and their scale. Written back byte for byte, so that reading
   * a file and writing it again gives the same file (quantising a restored vector again would not).
   */
  record Stored(byte[] values, float scale) {
    static Stored of(float[] v) {
      float scale = ExemplarVectors.scale(v);
      return new Stored(quantise(v, scale), scale);
    }

    /** The vector training and search use: the values times the scale, normalised again. */
    float[] vector() {
      return restore(values, scale);
    }
  }

  static void write(Map<Long, Stored> vectors, OutputStream target) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target));
    out.writeInt(MAGIC);
    out.writeInt(vectors.size());
    out.writeInt(TextEmbedder.DIMENSIONS);
    for (Map.Entry<Long, Stored> e : vectors.entrySet()) {
      out.writeLong(e.getKey());
      out.writeFloat(e.getValue().scale());
      out.write(e.getValue().values());
    }
    out.flush();
  }

  /** Fails loudly on a broken file: a detector that silently ran rules-only would be worse. */
  static Map<Long, Stored> read(InputStream source, String name) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(source));
    if (in.readInt() != MAGIC) {
      throw new RiskRulesException(name + ": not an exemplar vector file");
    }
    int count = in.readInt();
    int dimensions = in.readInt();
    if (dimensions != TextEmbedder.DIMENSIONS || count < 0) {
      throw new RiskRulesException(name + ": " + dimensions + " dimensions, expected 512");
    }
    Map<Long, Stored> out = new LinkedHashMap<>(count * 2);
    for (int i = 0; i < count; i++) {
      long key = in.readLong();
      float scale = in.readFloat();
      byte[] q = new byte[dimensions];
      in.readFully(q);
      out.put(key, new Stored(q, scale));
    }
    if (in.read() != -1) {
      throw new RiskRulesException(name + ": trailing bytes after " + count + " vectors");
    }
    return out;
  }

  private static float scale(float[] v) {
    float max = 0f;
    for (float x : v) {
      max = Math.max(max, Math.abs(x));
    }
    return max == 0f ? 1f : max / 127f;
  }

  private static byte[] quantise(float[] v, float scale) {
    byte[] q = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      q[i] = (byte) Math.max(-127, Math.min(127, Math.round(v[i] / scale)));
    }
    return q;
  }

  private static float[] restore(byte[] q, float scale) {
    float[] v = new float[q.length];
    double norm = 0;
    for (int i = 0; i < q.length; i++) {
      v[i] = q[i] * scale;
      norm += (double) v[i] * v[i];
    }
    if (norm > 0) {
      float inv = (float) (1.0 / StrictMath.sqrt(norm));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
    return v;
  }
}
