package org.xinqiao.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A question/expected-id table: {@code a|b} means either id is right, {@code -} means none. */
record EvalSet(List<Row> rows) {
  record Row(String question, Set<String> expected) {
    boolean outOfScope() {
      return expected.isEmpty();
    }
  }

  static EvalSet fromClasspath(String resource) {
    try (InputStream in = EvalSet.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " not found");
      }
      List<Row> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("question\t")) {
          continue;
        }
        String[] parts = line.strip().split("\t");
        Set<String> expected =
            parts[1].strip().equals("-") ? Set.of() : Set.of(parts[1].strip().split("\\|"));
        rows.add(new Row(parts[0].strip(), expected));
      }
      return new EvalSet(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
