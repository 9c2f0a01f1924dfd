package org.xinqiao.checkin;

import java.time.Instant;
import java.util.List;

/**
 * One person's result of one check-in.
 *
 * @param answers the chosen option per item (0-based), -1 for a free-text or unanswered item
 * @param bandLabel null when an alert answer stopped the check-in before the end
 */
record Result(
    long id,
    long personId,
    String checkinId,
    boolean complete,
    int score,
    String bandLabel,
    boolean worrying,
    List<Integer> answers,
    Instant takenAt,
    Instant sharedAt,
    Long escalationId) {

  static String encode(List<Integer> answers) {
    return String.join(",", answers.stream().map(a -> a < 0 ? "-" : Integer.toString(a)).toList());
  }

  static List<Integer> decode(String answers) {
    if (answers == null || answers.isEmpty()) {
      return List.of();
    }
    return java.util.Arrays.stream(answers.split(","))
        .map(a -> a.equals("-") ? -1 : Integer.parseInt(a))
        .toList();
  }
}
