package org.xinqiao.escalation;

/** How fast a counselor must react. Concern-level risk never pages; it is not an escalation. */
public enum Urgency {
  /** Suicidal ideation, self-harm, abuse disclosure, serious bullying. */
  HIGH,
  /** A plan with means or time, something in progress: minutes count. */
  IMMINENT;

  String label() {
    return this == IMMINENT ? "紧急危险" : "高风险";
  }
}
