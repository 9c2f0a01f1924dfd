package org.xinqiao.casework;

/** Why a case was closed (required to close). */
enum CaseOutcome {
  IMPROVED("情况好转"),
  REFERRED_OUT("已转介校外专业机构"),
  LEFT_SCHOOL("转学或毕业"),
  FAMILY_DECLINED("家庭不再需要跟进"),
  OTHER("其他");

  private final String label;

  CaseOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
