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
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Labelled questions, one per line: {@code question<TAB>label[<TAB>asker]}, where the label is
 * entry ids separated by {@code |} (either is right), {@code admin} (a school-administration
 * question) or {@code -} (anything else no entry answers). Lines starting with {@code #} are
 * comments.
 *
 * <p>Each question is searched as its real asker, as the bot searches (a parent as {@link
 * Audience#PARENT}, staff as {@link Audience#TEACHER}): the optional {@code asker} column ({@code
 * parent} or {@code teacher}) says who; without it the asker is a teacher when every entry of the
 * label is written for teachers or the wording says a teacher writes ({@link #TEACHER_WORDING}),
 * and a parent otherwise (most people writing to the account are parents).
 */
record CalibrationSet(List<Row> rows, String sha256) {
  static final String RESOURCE = "kb/calibration.tsv";

  /** What a labelled question is. */
  enum Kind {
    ENTRY,
    ADMIN,
    OTHER
  }

  /**
   * Wording only a teacher uses of themselves or their class ("我是老师", "作为班主任", "我们班", "班上有个学生",
   * "学生跟我说"...), unless the message also speaks of the writer's own family ("我家", "我儿子"...).
   */
  static final Pattern TEACHER_WORDING =
      Pattern.compile(
          "我是.{0,6}老师|作为(一名)?(老师|班主任|教师)|当班主任|我们班|我班"
              + "|(班上|班里|有个|有一个|一个|有位|有名)(男|女)?学生|学生(跟|对|和|告诉)我|我(的)?学生");

  static final Pattern FAMILY_WORDING = Pattern.compile("我家|我们家|我儿子|我女儿|我孩子|我的孩子|我老公|我爱人|孩子他(爸|妈)");

  /**
   * @param asker who asks, when the file says so; else {@link #asker(Map)} derives it
   */
  record Row(String question, Set<String> expected, Kind kind, Audience asker) {
    Row(String question, Set<String> expected, Kind kind) {
      this(question, expected, kind, null);
    }

    /**
     * Who asks this question: the file's {@code asker} column, else a teacher when every labelled
     * entry is for teachers or the wording is a teacher's, else a parent.
     */
    Audience asker(Map<String, Entry> entries) {
      if (asker != null) {
        return asker;
      }
      if (!expected.isEmpty()
          && expected.stream()
              .allMatch(
                  id ->
                      entries.containsKey(id) && entries.get(id).audience() == Audience.TEACHER)) {
        return Audience.TEACHER;
      }
      String text = TextNormalizer.question(question);
      return TEACHER_WORDING.matcher(text).find() && !FAMILY_WORDING.matcher(text).find()
          ? Audience.TEACHER
          : Audience.PARENT;
    }

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
      Audience asker = null;
      if (parts.length > 2 && !parts[2].isBlank()) {
        asker =
            Audience.parse(parts[2].strip())
                .filter(a -> a != Audience.BOTH)
                .orElseThrow(
                    () -> new IllegalArgumentException("asker not parent|teacher: " + line));
      }
      rows.add(new Row(parts[0].strip(), expected, kind, asker));
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
