package org.xinqiao.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The numbered follow-ups offered since the person's last question, as one dialog state: {@code
 * 1=steps:id|2=entry:id|}. A number keeps its meaning until the next question (so {@code 1}, then
 * {@code 2}, then {@code 1} again all work); opening a related topic offers its own follow-ups
 * under new numbers instead of reusing the old ones.
 */
final class FollowUps {

  /** Past this many, a shown entry starts a fresh list rather than numbers nobody can remember. */
  static final int MAX = 30;

  private final Map<Integer, String> options;

  private FollowUps(Map<Integer, String> options) {
    this.options = options;
  }

  static FollowUps fresh() {
    return new FollowUps(new LinkedHashMap<>());
  }

  /** The number already given to {@code action}, or the next free one. */
  int offer(String action) {
    for (Map.Entry<Integer, String> e : options.entrySet()) {
      if (e.getValue().equals(action)) {
        return e.getKey();
      }
    }
    int n = options.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    options.put(n, action);
    return n;
  }

  Optional<String> action(int number) {
    return Optional.ofNullable(options.get(number));
  }

  boolean isFull() {
    return options.size() >= MAX;
  }

  /** The valid numbers for a reminder, e.g. {@code 1、2、3}. */
  String numbers() {
    return options.keySet().stream().map(String::valueOf).collect(Collectors.joining("、"));
  }

  String encode() {
    StringBuilder state = new StringBuilder();
    options.forEach((n, v) -> state.append(n).append('=').append(v).append('|'));
    return state.toString();
  }

  static FollowUps decode(String state) {
    Map<Integer, String> options = new LinkedHashMap<>();
    for (String part : state.split("\\|")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        try {
          options.put(Integer.parseInt(part.substring(0, eq)), part.substring(eq + 1));
        } catch (NumberFormatException ignored) {
          // a damaged state entry is skipped, the rest still works
        }
      }
    }
    return new FollowUps(options);
  }
}
