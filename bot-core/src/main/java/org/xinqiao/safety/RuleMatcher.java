package org.xinqiao.safety;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The rules' reading of one message: normalise, blank out traps, rewrite aliases, then match every
 * rule, softening a negated match to concern (never silencing it) and telling whether each match is
 * about the writer. What {@link RiskAssessor} does with the result (the semantic layer, the context
 * of the last messages) is its own; this class knows only the rule files.
 */
final class RuleMatcher {

  private static final int NEGATION_REACH = 6;
  private static final String TRAPPED = "#";

  private final RiskRules rules;

  RuleMatcher(RiskRules rules) {
    this.rules = rules;
  }

  /**
   * What the rules found in a prepared text.
   *
   * @param repeats whether the concern is the writer's own distress (it adds up over messages)
   * @param ids the matched rules' ids, a negated one with "(negated)"
   */
  record Reading(
      RiskLevel level, boolean repeats, Set<RiskCategory> categories, List<String> ids) {}

  /** Every rule on a text {@linkplain #prepare prepared} already. */
  Reading read(String text) {
    boolean asksAdvice = rules.advice().matcher(text).find();
    RiskLevel level = RiskLevel.NONE;
    boolean repeats = false;
    Set<RiskCategory> categories = EnumSet.noneOf(RiskCategory.class);
    List<String> ids = new ArrayList<>();
    for (RiskRules.Rule rule : rules.rules()) {
      Found found = match(rule, text);
      if (found.kind() == Match.NONE) {
        continue;
      }
      RiskLevel ruleLevel = rule.level();
      String id = rule.id();
      RiskRules.Repeat repeat = rule.repeat();
      if (found.kind() == Match.NEGATED && ruleLevel.atLeast(RiskLevel.HIGH)) {
        ruleLevel = RiskLevel.CONCERN; // "我没有想死": lowered, never silenced
        id += "(negated)";
        repeat = RiskRules.Repeat.YES;
      }
      repeats |=
          switch (repeat) {
            case YES -> found.writer() || !asksAdvice;
            case OWN -> found.writer() && !asksAdvice;
            case NO -> false;
          };
      level = RiskLevel.max(level, ruleLevel);
      categories.addAll(rule.categories());
      ids.add(id);
    }
    return new Reading(level, repeats, categories, List.copyOf(ids));
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

  /** How a rule matched, and whether the (first counted) match is about the writer. */
  private record Found(Match kind, boolean writer) {
    static final Found NOTHING = new Found(Match.NONE, false);
  }

  /** PLAIN when some occurrence of the first part is not negated; NEGATED when all are. */
  private Found match(RiskRules.Rule rule, String text) {
    for (int i = 1; i < rule.parts().size(); i++) {
      if (!rule.parts().get(i).matcher(text).find()) {
        return Found.NOTHING;
      }
    }
    Matcher m = rule.parts().get(0).matcher(text);
    Found result = Found.NOTHING;
    while (m.find()) {
      if (rule.person() == RiskRules.Person.THIRD
          && !rules.thirdPerson().matcher(text).region(0, m.start()).find()) {
        continue;
      }
      boolean writer = aboutTheWriter(text, m.start(), m.end());
      if (rule.person() == RiskRules.Person.SELF && !writer) {
        continue;
      }
      if (!isNegated(text, m.start())) {
        return new Found(Match.PLAIN, writer);
      }
      result = new Found(Match.NEGATED, writer);
    }
    return result;
  }

  /**
   * True when the nearest subject before the match (or inside it) is the writer ({FIRST}: 我, 俺), or
   * when no third-person subject comes before it at all. "孩子不肯吃饭" is about the child; "我女儿哭了，我也
   * 睡不着" is about the writer at 睡不着.
   */
  private boolean aboutTheWriter(String text, int start, int end) {
    int third = lastStart(rules.thirdPerson().matcher(text).region(0, start));
    if (third < 0) {
      return true;
    }
    return lastStart(rules.firstPerson().matcher(text).region(0, end)) > third;
  }

  private static int lastStart(Matcher m) {
    int last = -1;
    while (m.find()) {
      last = m.start();
    }
    return last;
  }

  private boolean isNegated(String text, int start) {
    String before = text.substring(Math.max(0, start - NEGATION_REACH), start);
    return rules.negation().matcher(before).find();
  }
}
