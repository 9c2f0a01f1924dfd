package org.xinqiao.escalation;

/** OPEN until a named counselor acknowledges it; CLOSED only with an outcome. */
public enum EscalationStatus {
  OPEN,
  ACKNOWLEDGED,
  CLOSED;

  String label() {
    return switch (this) {
      case OPEN -> "待接手";
      case ACKNOWLEDGED -> "处理中";
      case CLOSED -> "已结案";
    };
  }
}
