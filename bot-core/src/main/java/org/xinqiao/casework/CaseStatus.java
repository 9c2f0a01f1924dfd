package org.xinqiao.casework;

/** Where a case stands. MONITORING: nothing to do now, but the room keeps an eye on it. */
enum CaseStatus {
  OPEN("跟进中"),
  MONITORING("观察中"),
  CLOSED("已结案");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
