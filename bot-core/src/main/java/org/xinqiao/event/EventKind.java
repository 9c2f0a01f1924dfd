package org.xinqiao.event;

/** What sort of event it is; the plan's trainings, parent lectures, workshops and campaigns. */
enum EventKind {
  TRAINING("教师培训"),
  LECTURE("讲座"),
  WORKSHOP("工作坊"),
  PARENT_MEETING("家长会/咨询日"),
  GROUP_COUNSELING("团体辅导"),
  CAMPAIGN("主题活动");

  private final String label;

  EventKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
