package org.xinqiao.appointment;

import java.util.List;
import org.xinqiao.people.Role;

/** What a session is for. Which kinds a person may book follows from their role. */
public enum Kind {
  /** A teacher's own session: a union benefit, confidential from school management. */
  SELF('S', "老师本人咨询"),
  /** A teacher refers a pupil; the teacher's note about the pupil is for the counselor only. */
  REFERRAL('R', "学生转介"),
  /** A parent's consultation about their child. */
  PARENT('P', "家长咨询");

  private final char code;
  private final String label;

  Kind(char code, String label) {
    this.code = code;
    this.label = label;
  }

  public String label() {
    return label;
  }

  char code() {
    return code;
  }

  static Kind ofCode(char c) {
    for (Kind k : values()) {
      if (k.code == c) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown kind " + c);
  }

  /** The kinds a role may book; counselors book nothing in the chat (they use the console). */
  static List<Kind> allowedFor(Role role) {
    return switch (role) {
      case PARENT -> List.of(PARENT);
      case TEACHER, ADMIN, SAFEGUARDING -> List.of(SELF, REFERRAL);
      case COUNSELOR, LEAD_COUNSELOR -> List.of();
    };
  }
}
