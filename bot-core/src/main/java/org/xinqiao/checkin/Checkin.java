package org.xinqiao.checkin;

import java.util.List;
import java.util.Optional;

/**
 * One check-in definition, as a YAML file under {@code checkins/} describes it.
 *
 * @param higherIsBetter false when a higher score means a harder week (the shipped ones); a
 *     school's own scale may score the other way round, which the trend line has to know
 * @param source who wrote it and under what licence: a school adds only scales it holds the rights
 *     to
 */
record Checkin(
    String id,
    String file,
    String title,
    String intro,
    Audience audience,
    Frequency frequency,
    boolean higherIsBetter,
    List<Item> items,
    List<Band> bands,
    String source) {

  /**
   * A question. Without options it takes free text (scored 0, "跳过" skips it).
   *
   * @param screen the chosen option's words go through the safety screen as if the person had typed
   *     them (typed free text always does)
   */
  record Item(String text, List<Option> options, boolean screen) {
    boolean freeText() {
      return options.isEmpty();
    }
  }

  /**
   * @param alert choosing it pages a counselor at once (category {@code checkin_alert})
   */
  record Option(String text, int score, boolean alert) {}

  /** A score range (inclusive) with what the person reads when they land in it. */
  record Band(int min, int max, String label, String message, boolean worrying) {
    boolean contains(int score) {
      return score >= min && score <= max;
    }
  }

  int minScore() {
    return items.stream()
        .filter(i -> !i.freeText())
        .mapToInt(i -> i.options().stream().mapToInt(Option::score).min().orElse(0))
        .sum();
  }

  int maxScore() {
    return items.stream()
        .filter(i -> !i.freeText())
        .mapToInt(i -> i.options().stream().mapToInt(Option::score).max().orElse(0))
        .sum();
  }

  Optional<Band> band(int score) {
    return bands.stream().filter(b -> b.contains(score)).findFirst();
  }
}
