package org.xinqiao.casework;

/**
 * What a case links to, and how a case can be opened. CHECKIN is the link point for shared check-in
 * results (the check-in feature is not on this branch yet: no page links one so far).
 */
enum LinkKind {
  ESCALATION("危机提醒"),
  APPOINTMENT("咨询预约"),
  REFERRAL("老师转介"),
  CHECKIN("心理自评结果"),
  MANUAL("手动建立");

  private final String label;

  LinkKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
