package org.xinqiao.safety;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Decides how much attention a message needs. Thread-safe and free of Spring, so the batch CLI can
 * use it without the server. The knowledge lives in the data files (see {@link RiskRules}); this
 * class only applies them in order: normalise, remove traps, rewrite aliases, match rules, soften
 * negated matches (never below concern), then look at the person's recent messages.
 */
public final class RiskAssessor {

  /** How many of the recent assessments count, newest last. */
  static final int WINDOW = 10;

  /** Concern messages in the window (this one included) that together make high. */
  static final int REPEATED_CONCERN = 3;

  private static final int NEGATION_REACH = 6;
  private static final String TRAPPED = "#";

  private final RiskRules rules;

  RiskAssessor(RiskRules rules) {
    this.rules = rules;
  }

  /** Loads and validates the data files under {@code safety/} on the classpath. */
  public static RiskAssessor fromClasspath() {
    return new RiskAssessor(RiskRules.fromClasspath());
  }

  public RiskAssessment assess(String text) {
    return assess(text, List.of());
  }

  /**
   * @param recent this person's earlier assessments, oldest first (only the last {@value #WINDOW}
   *     count); the caller decides the time window, e.g. the last 24 hours
   */
  public RiskAssessment assess(String text, List<RiskAssessment> recent) {
    String prepared = prepare(text == null ? "" : text);
    RiskLevel level = RiskLevel.NONE;
    Set<RiskCategory> categories = EnumSet.noneOf(RiskCategory.class);
    List<String> ids = new ArrayList<>();
    for (RiskRules.Rule rule : rules.rules()) {
      Match match = match(rule, prepared);
      if (match == Match.NONE) {
        continue;
      }
      RiskLevel ruleLevel = rule.level();
      String id = rule.id();
      if (match == Match.NEGATED && ruleLevel.atLeast(RiskLevel.HIGH)) {
        ruleLevel = RiskLevel.CONCERN; // "我没有想死": lowered, never silenced
        id += "(negated)";
      }
      level = RiskLevel.max(level, ruleLevel);
      categories.addAll(rule.categories());
      ids.add(id);
    }
    List<RiskAssessment> window =
        recent.subList(Math.max(0, recent.size() - WINDOW), recent.size());
    if (rules.retraction().matcher(prepared).find()) {
      for (RiskAssessment earlier : window) { // "开玩笑的" never closes risk: only a human does
        if (earlier.atLeast(RiskLevel.HIGH) && !level.atLeast(earlier.level())) {
          level = earlier.level();
          categories.addAll(earlier.categories());
          if (!ids.contains("context.retraction-keeps-risk")) {
            ids.add("context.retraction-keeps-risk");
          }
        }
      }
    }
    if (level == RiskLevel.CONCERN) {
      long concerns = window.stream().filter(a -> a.atLeast(RiskLevel.CONCERN)).count() + 1;
      if (concerns >= REPEATED_CONCERN) {
        level = RiskLevel.HIGH;
        ids.add("context.repeated-concern");
      }
    }
    return level == RiskLevel.NONE
        ? RiskAssessment.NONE
        : new RiskAssessment(level, categories, ids);
  }

  /** Normalised text with traps blanked out and aliases rewritten: what the rules see. */
  String prepare(String text) {
    String s = TextNormalizer.normalize(text);
    for (var trap : rules.traps()) {
      s = trap.matcher(s).replaceAll(TRAPPED);
    }
    for (RiskRules.Alias alias : rules.aliases()) {
      s = alias.pattern().matcher(s).replaceAll(alias.replacement());
    }
    return s;
  }

  private enum Match {
    NONE,
    PLAIN,
    NEGATED
  }

  /** PLAIN when some occurrence of the first part is not negated; NEGATED when all are. */
  private Match match(RiskRules.Rule rule, String text) {
    for (int i = 1; i < rule.parts().size(); i++) {
      if (!rule.parts().get(i).matcher(text).find()) {
        return Match.NONE;
      }
    }
    Matcher m = rule.parts().get(0).matcher(text);
    Match result = Match.NONE;
    while (m.find()) {
      if (rule.person() == RiskRules.Person.THIRD
          && !rules.thirdPerson().matcher(text).region(0, m.start()).find()) {
        continue;
      }
      if (!isNegated(text, m.start())) {
        return Match.PLAIN;
      }
      result = Match.NEGATED;
    }
    return result;
  }

  private boolean isNegated(String text, int start) {
    String before = text.substring(Math.max(0, start - NEGATION_REACH), start);
    return rules.negation().matcher(before).find();
  }
}
