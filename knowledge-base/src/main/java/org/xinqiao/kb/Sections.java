package org.xinqiao.kb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code ## heading} sections of a Markdown body, in a required order. */
final class Sections {
  private Sections() {}

  /** Section text by heading; records errors for missing, unknown, empty or misordered ones. */
  static Map<String, String> read(
      FrontMatter fm, List<String> required, List<ContentError> errors) {
    Map<String, String> found = new LinkedHashMap<>();
    List<String> body = fm.bodyLines();
    String current = null;
    StringBuilder text = new StringBuilder();
    int currentLine = 0;
    for (int i = 0; i <= body.size(); i++) {
      String line = i < body.size() ? body.get(i) : null;
      boolean heading = line != null && line.startsWith("## ");
      if (line == null || heading) {
        if (current != null) {
          String value = text.toString().strip();
          if (value.isEmpty()) {
            errors.add(
                new ContentError(fm.file(), currentLine, "section '" + current + "' is empty"));
          }
          found.put(current, value);
        }
        if (line == null) {
          break;
        }
        current = line.substring(3).strip();
        currentLine = fm.bodyStartLine() + i;
        text.setLength(0);
        if (!required.contains(current)) {
          errors.add(
              new ContentError(
                  fm.file(),
                  currentLine,
                  "unknown section '" + current + "'; expected " + String.join(", ", required)));
        } else if (found.containsKey(current)) {
          errors.add(
              new ContentError(fm.file(), currentLine, "duplicate section '" + current + "'"));
        }
      } else if (current != null) {
        text.append(line).append('\n');
      } else if (!line.isBlank()) {
        errors.add(
            new ContentError(
                fm.file(), fm.bodyStartLine() + i, "text before the first '## ' section"));
        current = null;
      }
    }
    int last = -1;
    for (String name : required) {
      if (!found.containsKey(name)) {
        errors.add(
            new ContentError(fm.file(), fm.bodyStartLine(), "missing section '## " + name + "'"));
        continue;
      }
      int position = List.copyOf(found.keySet()).indexOf(name);
      if (position < last) {
        errors.add(
            new ContentError(
                fm.file(), lineOfHeading(fm, name), "section '" + name + "' is out of order"));
      }
      last = position;
    }
    return found;
  }

  /** 1-based line of {@code ## name}, or the body start when absent. */
  static int lineOfHeading(FrontMatter fm, String name) {
    List<String> body = fm.bodyLines();
    for (int i = 0; i < body.size(); i++) {
      if (body.get(i).startsWith("## ") && body.get(i).substring(3).strip().equals(name)) {
        return fm.bodyStartLine() + i;
      }
    }
    return fm.bodyStartLine();
  }
}
