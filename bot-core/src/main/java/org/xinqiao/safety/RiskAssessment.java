package org.xinqiao.safety;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The verdict on one message. Holds no text on purpose: assessments are logged and stored next to
 * ids, and message bodies are children's health data.
 *
 * @param level the highest tier any rule reached
 * @param categories every category a matching rule named
 * @param ruleIds the ids of the lexicon rules (and context rules) that fired, for audit
 */
public record RiskAssessment(RiskLevel level, Set<RiskCategory> categories, List<String> ruleIds) {

  public static final RiskAssessment NONE = new RiskAssessment(RiskLevel.NONE, Set.of(), List.of());

  public RiskAssessment {
    Objects.requireNonNull(level, "level");
    categories =
        categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    ruleIds = List.copyOf(ruleIds);
  }

  public boolean atLeast(RiskLevel other) {
    return level.atLeast(other);
  }
}
