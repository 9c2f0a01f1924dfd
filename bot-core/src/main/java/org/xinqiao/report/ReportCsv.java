package org.xinqiao.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Report} as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs
 * read the Chinese): one line per shown cell group, prefixed by section and table, suppressed cells
 * as in the PDF.
 */
public final class ReportCsv {

  private ReportCsv() {}

  public static void write(Report report, Writer out) throws IOException {
    out.write('\uFEFF');
    line(out, List.of(report.title(), report.period().toString()));
    for (Report.Section section : report.sections()) {
      for (Disclosure.Shown table : section.tables()) {
        List<String> header = new ArrayList<>(List.of("部分", "表"));
        header.addAll(table.columns());
        line(out, header);
        for (Disclosure.ShownRow row : table.rows()) {
          List<String> cells =
              new ArrayList<>(List.of(section.title(), table.title(), row.label()));
          cells.addAll(row.cells());
          line(out, cells);
        }
      }
    }
    out.flush();
  }

  private static void line(Writer out, List<String> cells) throws IOException {
    List<String> quoted = new ArrayList<>();
    for (String c : cells) {
      String safe = c.startsWith("=") || c.startsWith("+") || c.startsWith("@") ? "'" + c : c;
      quoted.add('"' + safe.replace("\"", "\"\"") + '"');
    }
    out.write(String.join(",", quoted));
    out.write("\r\n");
  }
}
