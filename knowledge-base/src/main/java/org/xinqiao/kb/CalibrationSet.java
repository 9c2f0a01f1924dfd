package org.xinqiao.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Labelled questions, one per line: {@code question<TAB>label}, where the label is entry ids
 * separated by {@code |} (either is right), {@code admin} (a school-administration question) or
 * {@code -} (anything else no entry answers). Lines starting with {@code #} are comments.
 */
record CalibrationSet(List<Row> rows, String sha256) {
  static final String RESOURCE = "kb/calibration.tsv";

  /** What a labelled question is. */
  enum Kind {
    ENTRY,
    ADMIN,
    OTHER
  }

  record Row(String question, Set<String> expected, Kind kind) {
    boolean outOfScope() {
      return kind != Kind.ENTRY;
    }

    /** Two or three sentences as parents really write: judged separately in the figures. */
    boolean isLong() {
      return question.codePointCount(0, question.length()) >= 30;
    }
  }

  static CalibrationSet fromClasspath(String resource) {
    try (InputStream in = CalibrationSet.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CalibrationSet parse(byte[] bytes) {
    List<Row> rows = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("question\t")) {
        continue;
      }
      String[] parts = line.strip().split("\t");
      if (parts.length < 2) {
        throw new IllegalArgumentException("no label: " + line);
      }
      String label = parts[1].strip();
      Kind kind =
          switch (label) {
            case "admin" -> Kind.ADMIN;
            case "-" -> Kind.OTHER;
            default -> Kind.ENTRY;
          };
      Set<String> expected = kind == Kind.ENTRY ? Set.of(label.split("\\|")) : Set.of();
      rows.add(new Row(parts[0].strip(), expected, kind));
    }
    return new CalibrationSet(List.copyOf(rows), sha256(bytes));
  }

  List<Row> of(Kind kind) {
    return rows.stream().filter(r -> r.kind() == kind).toList();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
