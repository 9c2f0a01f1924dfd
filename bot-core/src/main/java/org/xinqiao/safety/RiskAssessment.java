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
 * @param level the highest tier any layer reached (rules, exemplars, head, context)
 * @param categories every category a matching rule named, or the nearest exemplars' categories when
 *     the semantic layer raised the level
 * @param ruleIds the ids of the lexicon rules (and context rules) that fired, for audit
 * @param repeats whether this message counts toward "three concerns in the window make high": true
 *     for high and imminent, and for concern that is the writer's own distress (or distress stated
 *     without asking for advice); false for a parent's question about a child, a bullying report or
 *     a symptom asked about (see safety/README.md)
 * @param ask the middle band: the signal is real but not certain, so the bot should ask one warm,
 *     direct question (never true from high up: a clear case is paged, not asked about)
 * @param why every reason, strongest layer first: rule ids, nearest exemplars with their
 *     similarity, the head's probability, the context score (no message text)
 */
public record RiskAssessment(
    RiskLevel level,
    Set<RiskCategory> categories,
    List<String> ruleIds,
    boolean repeats,
    boolean ask,
    List<Reason> why) {

  public static final RiskAssessment NONE =
      new RiskAssessment(RiskLevel.NONE, Set.of(), List.of(), false, false, List.of());

  public RiskAssessment {
    Objects.requireNonNull(level, "level");
    categories =
        categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    ruleIds = List.copyOf(ruleIds);
    repeats = repeats || level.atLeast(RiskLevel.HIGH);
    ask = ask && !level.atLeast(RiskLevel.HIGH);
    why = List.copyOf(why);
  }

  /** A rules-only assessment: the reasons are the rule ids. */
  public RiskAssessment(
      RiskLevel level, Set<RiskCategory> categories, List<String> ruleIds, boolean repeats) {
    this(level, categories, ruleIds, repeats, false, ruleIds.stream().map(Reason::rule).toList());
  }

  /** An assessment that counts toward repetition whenever it is at least concern. */
  public RiskAssessment(RiskLevel level, Set<RiskCategory> categories, List<String> ruleIds) {
    this(level, categories, ruleIds, level.atLeast(RiskLevel.CONCERN));
  }

  public boolean atLeast(RiskLevel other) {
    return level.atLeast(other);
  }
}
