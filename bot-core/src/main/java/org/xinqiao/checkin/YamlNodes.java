package org.xinqiao.checkin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xinqiao.kb.ContentError;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a composed YAML node tree keeping each value's line, so that every problem in a check-in
 * file points at the line to fix. Each accessor records an error and returns empty on bad input.
 */
final class YamlNodes {

  private final String file;
  private final List<ContentError> errors;

  YamlNodes(String file, List<ContentError> errors) {
    this.file = file;
    this.errors = errors;
  }

  static int line(Node node) {
    return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
  }

  void error(Node at, String message) {
    errors.add(new ContentError(file, at == null ? 1 : line(at), message));
  }

  /** A mapping's keys and value nodes, in file order; unknown keys are reported. */
  Optional<Map<String, Node>> mapping(Node node, String what, List<String> allowedKeys) {
    if (!(node instanceof MappingNode map)) {
      error(node, what + " must be a mapping (key: value)");
      return Optional.empty();
    }
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      String key =
          t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
      if (!allowedKeys.contains(key)) {
        error(t.getKeyNode(), "unknown field '" + key + "' in " + what);
      } else if (fields.put(key, t.getValueNode()) != null) {
        error(t.getKeyNode(), "field '" + key + "' appears twice in " + what);
      }
    }
    return Optional.of(fields);
  }

  Optional<String> text(Map<String, Node> fields, String key, Node owner) {
    Node node = fields.get(key);
    if (node == null) {
      error(owner, "missing required field '" + key + "'");
      return Optional.empty();
    }
    if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
      error(node, "'" + key + "' must be non-empty text");
      return Optional.empty();
    }
    return Optional.of(s.getValue().strip());
  }

  Optional<Integer> integer(Map<String, Node> fields, String key, Node owner) {
    return text(fields, key, owner)
        .flatMap(
            v -> {
              try {
                return Optional.of(Integer.parseInt(v));
              } catch (NumberFormatException e) {
                error(fields.get(key), "'" + key + "' must be a whole number, not '" + v + "'");
                return Optional.empty();
              }
            });
  }

  /** An optional true/false, {@code false} when absent. */
  boolean flag(Map<String, Node> fields, String key) {
    Node node = fields.get(key);
    if (node == null) {
      return false;
    }
    if (node instanceof ScalarNode s && s.getValue().matches("true|false")) {
      return Boolean.parseBoolean(s.getValue());
    }
    error(node, "'" + key + "' must be true or false");
    return false;
  }

  /** One of {@code values} (lower case in the file), or empty after an error. */
  <E extends Enum<E>> Optional<E> choice(
      Map<String, Node> fields, String key, Node owner, Class<E> type, String defaultValue) {
    Optional<String> value =
        fields.containsKey(key) || defaultValue == null
            ? text(fields, key, owner)
            : Optional.of(defaultValue);
    return value.flatMap(
        v -> {
          for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
              return Optional.of(e);
            }
          }
          error(
              fields.getOrDefault(key, owner),
              "'" + key + "' must be one of " + allowed(type) + ", not '" + v + "'");
          return Optional.empty();
        });
  }

  Optional<List<Node>> list(Map<String, Node> fields, String key, Node owner, int min, int max) {
    Node node = fields.get(key);
    if (node == null) {
      error(owner, "missing required field '" + key + "'");
      return Optional.empty();
    }
    if (!(node instanceof SequenceNode seq)) {
      error(node, "'" + key + "' must be a list");
      return Optional.empty();
    }
    if (seq.getValue().size() < min || seq.getValue().size() > max) {
      error(node, "'" + key + "' needs " + min + " to " + max + " entries");
    }
    return Optional.of(seq.getValue());
  }

  private static <E extends Enum<E>> String allowed(Class<E> type) {
    StringBuilder b = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      b.append(b.isEmpty() ? "" : " | ").append(e.name().toLowerCase(java.util.Locale.ROOT));
    }
    return b.toString();
  }
}
