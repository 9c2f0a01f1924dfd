package org.xinqiao.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A Markdown file split into its YAML front matter and body, remembering line numbers so that
 * errors can point at the line to fix. Shared by entries and articles.
 */
public final class FrontMatter {
  private final String file;
  private final List<String> lines;
  private final Map<String, Object> fields;
  private final int bodyStartLine;

  private FrontMatter(String file, List<String> lines, Map<String, Object> fields, int bodyStart) {
    this.file = file;
    this.lines = lines;
    this.fields = fields;
    this.bodyStartLine = bodyStart;
  }

  /** Parses {@code ---\nyaml\n---\nbody}; adds an error and returns empty when that fails. */
  public static Optional<FrontMatter> parse(ContentFile source, List<ContentError> errors) {
    String text = source.text().replace("\r\n", "\n");
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = List.of(text.split("\n", -1));
    if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
      errors.add(new ContentError(source.name(), 1, "file must start with '---' front matter"));
      return Optional.empty();
    }
    int end = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("---")) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      errors.add(new ContentError(source.name(), 1, "front matter is not closed with '---'"));
      return Optional.empty();
    }
    String yaml = String.join("\n", lines.subList(1, end));
    Object loaded;
    try {
      loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
      errors.add(new ContentError(source.name(), line, "invalid YAML: " + e.getProblem()));
      return Optional.empty();
    } catch (YAMLException e) {
      errors.add(new ContentError(source.name(), 2, "invalid YAML: " + e.getMessage()));
      return Optional.empty();
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      errors.add(new ContentError(source.name(), 2, "front matter must be a YAML mapping"));
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) map;
    return Optional.of(new FrontMatter(source.name(), lines, fields, end + 1));
  }

  public String file() {
    return file;
  }

  public Object get(String key) {
    return fields.get(key);
  }

  /** 1-based line of {@code key:} in the front matter, or 1 when the key is absent. */
  public int lineOf(String key) {
    for (int i = 1; i < bodyStartLine; i++) {
      String line = lines.get(i);
      if (line.startsWith(key + ":") || line.strip().startsWith(key + ":")) {
        return i + 1;
      }
    }
    return 1;
  }

  /** Body lines after the closing '---'. */
  public List<String> bodyLines() {
    return lines.subList(bodyStartLine, lines.size());
  }

  /** 1-based line number of the first body line. */
  public int bodyStartLine() {
    return bodyStartLine + 1;
  }

  public ContentError error(String key, String message) {
    return new ContentError(file, lineOf(key), message);
  }

  /** A non-blank string field, or empty after recording an error. */
  public Optional<String> requireText(String key, List<ContentError> errors) {
    Object value = fields.get(key);
    if (value == null || value.toString().isBlank()) {
      errors.add(error(key, "missing required field '" + key + "'"));
      return Optional.empty();
    }
    if (value instanceof Map || value instanceof List) {
      errors.add(error(key, "'" + key + "' must be text"));
      return Optional.empty();
    }
    return Optional.of(value.toString().strip());
  }

  /** A list of non-blank strings (may be empty), or empty after recording an error. */
  public Optional<List<String>> requireList(String key, List<ContentError> errors) {
    Object value = fields.get(key);
    if (value == null) {
      errors.add(error(key, "missing required field '" + key + "'"));
      return Optional.empty();
    }
    if (!(value instanceof List<?> list)) {
      errors.add(error(key, "'" + key + "' must be a list"));
      return Optional.empty();
    }
    List<String> result = new ArrayList<>();
    for (Object item : list) {
      if (item == null
          || item instanceof Map
          || item instanceof List
          || item.toString().isBlank()) {
        errors.add(error(key, "'" + key + "' has an empty or non-text item"));
        return Optional.empty();
      }
      result.add(item.toString().strip());
    }
    return Optional.of(result);
  }
}
