package org.xinqiao.escalation;

import java.util.Locale;
import java.util.Objects;

/**
 * One reason safety gave for raising (or adding to) an escalation, as the counselor sees it. Holds
 * no message text: {@code ref} is a rule id, an exemplar's {@code file:line}, the head's class, or
 * the direct question asked and how it was answered.
 *
 * @param layer rule, exemplar, head, context or ask
 * @param ref what in that layer spoke
 * @param score 1 for a rule or the question; a cosine similarity or a probability otherwise
 */
public record EscalationReason(String layer, String ref, double score) {

  public EscalationReason {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(ref, "ref");
    layer = layer.length() > 16 ? layer.substring(0, 16) : layer;
    ref = ref.length() > 200 ? ref.substring(0, 200) : ref;
  }

  /** For the console: the similarity or probability to two places. */
  public String shownScore() {
    return String.format(Locale.ROOT, "%.2f", score);
  }
}
