package org.xinqiao.report;

import java.util.ArrayList;
import java.util.List;
import org.xinqiao.report.Table.Count;
import org.xinqiao.report.Table.Measure;
import org.xinqiao.report.Table.Value;

/**
 * Statistical disclosure control for every figure that leaves the system.
 *
 * <ul>
 *   <li>Primary: any count under {@value #THRESHOLD} (zero included) is shown as {@value
 *       #SUPPRESSED}.
 *   <li>Complementary: in a table with a total row, a column where exactly one part is suppressed
 *       would give it away as total minus the others, so the smallest other part is suppressed too.
 *       (When the total itself is under the threshold every part is.)
 *   <li>Derived figures (rates, medians) are shown only when their basis count could be shown.
 * </ul>
 */
public final class Disclosure {

  public static final int THRESHOLD = 5;
  public static final String SUPPRESSED = "<5";
  static final String NOT_SHOWN = "—";

  private Disclosure() {}

  /** The table as it may be shown: text cells, and the counts a chart may draw (null if hidden). */
  public record Shown(String title, List<String> columns, List<ShownRow> rows, boolean chart) {}

  /** A shown row; {@code counts} holds each shown count, or null where suppressed or a measure. */
  public record ShownRow(String label, List<String> cells, List<Long> counts) {}

  public static Shown apply(Table table) {
    int width = table.columns().size() - 1;
    int height = table.rows().size();
    boolean[][] hidden = new boolean[height][width];
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        hidden[r][c] = value(table, r, c) instanceof Count n && n.n() < THRESHOLD;
      }
    }
    if (table.lastRowIsTotal() && height > 1) {
      for (int c = 0; c < width; c++) {
        suppressComplement(table, hidden, c);
      }
    }
    List<ShownRow> rows = new ArrayList<>();
    for (int r = 0; r < height; r++) {
      List<String> cells = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        Value v = value(table, r, c);
        if (v instanceof Count n) {
          cells.add(hidden[r][c] ? SUPPRESSED : Long.toString(n.n()));
          counts.add(hidden[r][c] ? null : n.n());
        } else if (v instanceof Measure m) {
          cells.add(m.basis() < THRESHOLD ? NOT_SHOWN : m.text());
          counts.add(null);
        } else {
          cells.add(((Table.Text) v).text());
          counts.add(null);
        }
      }
      rows.add(new ShownRow(table.rows().get(r).label(), cells, counts));
    }
    return new Shown(table.title(), table.columns(), rows, table.chart());
  }

  private static void suppressComplement(Table table, boolean[][] hidden, int c) {
    int parts = table.rows().size() - 1;
    int hiddenParts = 0;
    int smallest = -1;
    for (int r = 0; r < parts; r++) {
      if (!(value(table, r, c) instanceof Count n)) {
        return;
      }
      if (hidden[r][c]) {
        hiddenParts++;
      } else if (smallest < 0 || n.n() < ((Count) value(table, smallest, c)).n()) {
        smallest = r;
      }
    }
    boolean totalHidden = hidden[parts][c];
    if (totalHidden) {
      for (int r = 0; r < parts; r++) {
        hidden[r][c] = true;
      }
    } else if (hiddenParts == 1 && smallest >= 0) {
      hidden[smallest][c] = true;
    }
  }

  private static Value value(Table table, int row, int column) {
    return table.rows().get(row).values().get(column);
  }
}
