package org.xinqiao.semantic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precomputed vectors shipped beside the content they belong to, so that start-up reads them
 * instead of running the model over a thousand texts (seconds on an idle core, much longer on a
 * busy server). Keyed by the embedder's canonical text; a text whose vector is missing (someone
 * edited the content) is simply embedded when asked for. Written sorted by text, so the same texts
 * always give the same bytes.
 */
public final class VectorFile {

  private static final int MAGIC = 0x58515631; // "XQV1"

  private VectorFile() {}

  public static void write(Map<String, float[]> vectors, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
    Map<String, float[]> sorted = new TreeMap<>(vectors);
    data.writeInt(MAGIC);
    data.writeInt(sorted.size());
    data.writeInt(TextEmbedder.DIMENSIONS);
    for (Map.Entry<String, float[]> e : sorted.entrySet()) {
      byte[] text = e.getKey().getBytes(StandardCharsets.UTF_8);
      data.writeInt(text.length);
      data.write(text);
      for (float f : e.getValue()) {
        data.writeFloat(f);
      }
    }
    data.flush();
  }

  public static Map<String, float[]> read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(new BufferedInputStream(in));
    if (data.readInt() != MAGIC) {
      throw new IOException("not a vector file");
    }
    int count = data.readInt();
    int dimensions = data.readInt();
    if (dimensions != TextEmbedder.DIMENSIONS || count < 0) {
      throw new IOException("vector file for another model (" + dimensions + " dimensions)");
    }
    Map<String, float[]> vectors = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      byte[] text = new byte[data.readInt()];
      data.readFully(text);
      float[] v = new float[dimensions];
      for (int d = 0; d < dimensions; d++) {
        v[d] = data.readFloat();
      }
      vectors.put(new String(text, StandardCharsets.UTF_8), v);
    }
    return vectors;
  }
}
