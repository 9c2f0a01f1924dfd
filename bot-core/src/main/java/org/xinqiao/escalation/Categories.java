package org.xinqiao.escalation;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Risk categories as the safety feature names them ({@code RiskCategory.code()}: suicide,
 * self_harm, abuse, sexual_abuse ...), kept as plain strings so this package does not depend on
 * safety. Only these short labels ever leave the database in a page.
 */
public final class Categories {

  private static final Map<String, String> LABELS =
      Map.of(
          "help_request", "主动求助",
          "suicide", "自杀相关",
          "self_harm", "自伤相关",
          "abuse", "疑似虐待",
          "sexual_abuse", "疑似性侵害",
          "bullying", "欺凌",
          "violence_by_others", "遭受暴力",
          "harm_to_others", "可能伤害他人",
          "distress", "情绪困扰",
          "checkin_alert", "自评中的预警回答");

  /** Harm to a minor by an adult: the school may have a duty to report (强制报告). */
  private static final Set<String> MANDATORY_REPORT = Set.of("abuse", "sexual_abuse");

  private Categories() {}

  static Set<String> normalise(Set<String> categories) {
    return categories.stream()
        .map(c -> c.trim().toLowerCase(java.util.Locale.ROOT))
        .filter(c -> c.matches("[a-z_]{1,40}"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static boolean mandatoryReport(Set<String> categories) {
    return categories.stream().anyMatch(MANDATORY_REPORT::contains);
  }

  /** The Chinese label of one category code (the code itself when unknown). */
  public static String label(String code) {
    return LABELS.getOrDefault(code, code);
  }

  static String labels(Set<String> categories) {
    if (categories.isEmpty()) {
      return "未分类";
    }
    return categories.stream().map(c -> LABELS.getOrDefault(c, c)).collect(Collectors.joining("、"));
  }
}
