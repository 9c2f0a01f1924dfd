package org.xinqiao.kb;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Folds the questions content authors marked out of scope in the console ({@code
 * calibration-additions.tsv} in the content folder) into the calibration set, so that the next
 * {@code kb calibrate} fits on them and the running gate compares questions with them.
 */
public final class CalibrationAdditions {
  private CalibrationAdditions() {}

  /** The calibration text with the new rows appended, and how many rows were new. */
  public record Folded(String calibration, int added, int alreadyThere) {}

  /**
   * @throws IllegalArgumentException when a line of {@code additions} has no label
   */
  public static Folded fold(String calibration, String additions, LocalDate on) {
    Set<String> known = new HashSet<>();
    for (CalibrationSet.Row row : parse(calibration)) {
      known.add(TextNormalizer.question(row.question()));
    }
    StringBuilder appended = new StringBuilder();
    int added = 0;
    int already = 0;
    for (CalibrationSet.Row row : parse(additions)) {
      if (!known.add(TextNormalizer.question(row.question()))) {
        already++;
        continue;
      }
      String label = row.kind() == CalibrationSet.Kind.ADMIN ? "admin" : "-";
      if (row.kind() == CalibrationSet.Kind.ENTRY) {
        label = String.join("|", row.expected().stream().sorted().toList());
      }
      appended.append(row.question()).append('\t').append(label).append('\n');
      added++;
    }
    if (added == 0) {
      return new Folded(calibration, 0, already);
    }
    String text = calibration.endsWith("\n") ? calibration : calibration + "\n";
    return new Folded(
        text + "# folded from the console's calibration-additions.tsv on " + on + "\n" + appended,
        added,
        already);
  }

  private static List<CalibrationSet.Row> parse(String text) {
    return CalibrationSet.parse(text.getBytes(StandardCharsets.UTF_8)).rows();
  }
}
