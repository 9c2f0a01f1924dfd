package org.xinqiao.escalation;

/** How a counselor closed an escalation. */
public enum Outcome {
  RESOLVED("已处理"),
  REFERRED("已转介"),
  MANDATORY_REPORT_MADE("已依法强制报告"),
  FALSE_ALARM("误报"),
  OTHER("其他");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The outcome a form named, or empty for a missing or unknown one. */
  static java.util.Optional<Outcome> parse(String name) {
    for (Outcome o : values()) {
      if (o.name().equals(name)) {
        return java.util.Optional.of(o);
      }
    }
    return java.util.Optional.empty();
  }
}
