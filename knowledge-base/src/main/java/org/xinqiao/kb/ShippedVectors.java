package org.xinqiao.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xinqiao.semantic.TextEmbedder;
import org.xinqiao.semantic.VectorFile;

/**
 * The vectors of the shipped entries' texts and of the calibration set's questions (the examples),
 * computed by {@code kb vectors} and read at every start instead of running the model over about a
 * thousand texts. Entries that a school edited are embedded as usual; nothing depends on the file
 * being current except start-up time ({@code ShippedVectorsTest} checks that it is).
 */
final class ShippedVectors {

  static final String RESOURCE = "kb/text-vectors.bin";

  private ShippedVectors() {}

  /**
   * Every text that building an index over {@code entries} embeds, and every text that fitting the
   * gate on the calibration set embeds.
   */
  static List<String> textsOf(List<Entry> entries, CalibrationSet calibration) {
    List<String> texts = new ArrayList<>();
    for (Entry entry : entries) {
      texts.addAll(EntryVectors.texts(entry));
      texts.addAll(entry.messages());
      texts.add(entry.shortAnswer());
    }
    // every calibration question and its clauses, as the gate's features embed them: `kb
    // calibrate` then reads only stored vectors, so its fit is the same on every machine (the
    // model's float arithmetic differs a little between CPUs, and a refit amplifies it)
    for (CalibrationSet.Row row : calibration.rows()) {
      texts.add(row.question());
      texts.addAll(GateFeatures.clauses(TextNormalizer.question(row.question())));
    }
    return texts;
  }

  static void primeInto(TextEmbedder embedder) {
    embedder.prime(Holder.VECTORS);
  }

  static void write(List<Entry> entries, TextEmbedder embedder, OutputStream out)
      throws IOException {
    CalibrationSet calibration = CalibrationSet.fromClasspath(CalibrationSet.RESOURCE);
    VectorFile.write(embedder.vectorsOf(textsOf(entries, calibration)), out);
  }

  /** Read once per class loader: every knowledge base of the process primes from the same map. */
  private static final class Holder {
    static final Map<String, float[]> VECTORS = read();

    private static Map<String, float[]> read() {
      try (InputStream in = ShippedVectors.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        return in == null ? Map.of() : VectorFile.read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }
}
