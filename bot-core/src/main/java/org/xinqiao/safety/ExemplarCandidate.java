package org.xinqiao.safety;

import java.time.Instant;
import java.util.Locale;

/**
 * A counselor's verdict on one transcript line, waiting for review or reviewed. {@code body} is the
 * masked message text (children's data: shown only in the console, never logged).
 *
 * @param verdict a false alarm (should have been none) or a missed message
 * @param level the level the message should have had
 * @param category its category, or {@code -} for a false alarm
 * @param person self, third or -
 */
record ExemplarCandidate(
    long id,
    long escalationId,
    long messageId,
    Verdict verdict,
    RiskLevel level,
    String category,
    String person,
    String body,
    Status status,
    long proposedBy,
    Instant proposedAt) {

  enum Verdict {
    FALSE_ALARM,
    MISSED;

    public String label() {
      return this == FALSE_ALARM ? "误报" : "漏报";
    }
  }

  enum Status {
    PENDING,
    ACCEPTED,
    REJECTED
  }

  /** How a reason names an accepted candidate in the index: {@code reviewed:12}. */
  String ref() {
    return "reviewed:" + id;
  }

  Exemplar asExemplar() {
    java.util.Set<RiskCategory> categories =
        category.equals("-")
            ? java.util.Set.of()
            : java.util.Set.of(RiskCategory.fromCode(category));
    return new Exemplar(
        "reviewed",
        (int) id,
        body,
        level,
        categories,
        person,
        "counselor",
        "reviewed-" + id,
        note());
  }

  /** One line of safety/examples/*.tsv: text, level, category, person, source, group, note. */
  String tsvLine() {
    String text = body.startsWith("#") ? body.substring(1).strip() : body;
    return String.join(
        "\t", text, level.code(), category, person, "counselor", "reviewed-" + id, note());
  }

  private String note() {
    return verdict.name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + " on escalation #"
        + escalationId;
  }
}
