package org.xinqiao.casework;

/**
 * What a case links to, and how a case can be opened. CHECKIN is a check-in result its owner shared
 * (分享); it is linked from the case page, never opened from.
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
