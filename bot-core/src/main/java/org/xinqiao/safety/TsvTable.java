package org.xinqiao.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tab-separated file a counselor can edit: lines starting with '#' and blank lines are ignored,
 * the first other line names the columns. Every row remembers its line number so that a mistake is
 * reported as "safety/lexicon.tsv:42: ...".
 */
record TsvTable(String file, List<Row> rows) {

  record Row(String file, int line, Map<String, String> cells) {
    String get(String column) {
      return cells.getOrDefault(column, "").trim();
    }

    String require(String column) {
      String value = get(column);
      if (value.isEmpty()) {
        throw error("column '" + column + "' is empty");
      }
      return value;
    }

    RiskRulesException error(String message) {
      return new RiskRulesException(file + ":" + line + ": " + message);
    }
  }

  static TsvTable read(String file, Reader source, List<String> requiredColumns) {
    List<Row> rows = new ArrayList<>();
    List<String> header = null;
    try (BufferedReader in = new BufferedReader(source)) {
      int lineNo = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (header == null) {
          header = List.of(cells).stream().map(String::trim).toList();
          for (String column : requiredColumns) {
            if (!header.contains(column)) {
              throw new RiskRulesException(
                  file + ":" + lineNo + ": header lacks column '" + column + "'");
            }
          }
          continue;
        }
        if (cells.length > header.size()) {
          throw new RiskRulesException(
              file + ":" + lineNo + ": " + cells.length + " cells, header has " + header.size());
        }
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
          byName.put(header.get(i), cells[i]);
        }
        rows.add(new Row(file, lineNo, byName));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (header == null) {
      throw new RiskRulesException(file + ": no header line");
    }
    return new TsvTable(file, List.copyOf(rows));
  }
}
