package org.xinqiao.report;

import java.util.List;

/**
 * One table of figures before disclosure control: each row a label and one value per column.
 *
 * @param title the table's heading
 * @param columns the column headings (the label column first)
 * @param rows the rows; when {@code lastRowIsTotal}, the last row is the sum of the others
 * @param lastRowIsTotal whether a total row is shown (complementary suppression then applies)
 * @param chart whether the report draws the first value column as a bar chart
 */
public record Table(
    String title, List<String> columns, List<Row> rows, boolean lastRowIsTotal, boolean chart) {

  /** One row: a label (a role, a category, a topic; never a person) and its values. */
  public record Row(String label, List<Value> values) {
    public static Row of(String label, Value... values) {
      return new Row(label, List.of(values));
    }
  }

  /** A cell's raw value. */
  public sealed interface Value permits Count, Measure, Text {}

  /** A number of people, questions, events: suppressed when under {@link Disclosure#THRESHOLD}. */
  public record Count(long n) implements Value {}

  /**
   * A derived figure (a rate, a median) computed from {@code basis} items: shown only when the
   * basis itself may be shown, since a rate over three people tells about those three.
   */
  public record Measure(String text, long basis) implements Value {}

  /** Text an admin wrote for the audit (an incident): shown as it is, never a count. */
  public record Text(String text) implements Value {}

  public static Count count(long n) {
    return new Count(n);
  }

  public static Measure measure(String text, long basis) {
    return new Measure(text, basis);
  }
}
