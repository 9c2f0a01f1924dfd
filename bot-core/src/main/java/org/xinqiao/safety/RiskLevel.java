package org.xinqiao.safety;

import java.util.Locale;

/** How much attention a message needs. Ordered: every tier is more urgent than the one before. */
public enum RiskLevel {
  /** Nothing that needs a person. */
  NONE,
  /** Distress, hopelessness, bullying: watched, not paged on its own. */
  CONCERN,
  /** Suicidal ideation, self-harm, abuse disclosure, serious bullying: a counselor is paged. */
  HIGH,
  /** A plan with means or time, or harm in progress: emergency numbers and a page at once. */
  IMMINENT;

  public boolean atLeast(RiskLevel other) {
    return compareTo(other) >= 0;
  }

  public static RiskLevel max(RiskLevel a, RiskLevel b) {
    return a.atLeast(b) ? a : b;
  }

  /** The lower-case name used in data files and JSON ("none", "concern", ...). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RiskLevel fromCode(String code) {
    for (RiskLevel level : values()) {
      if (level.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
        return level;
      }
    }
    throw new IllegalArgumentException("unknown level '" + code + "'");
  }
}
