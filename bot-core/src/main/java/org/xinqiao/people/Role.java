package org.xinqiao.people;

/**
 * What a person is to the school. Everyone starts as a parent; staff roles come from an admin.
 *
 * <p>A {@link #LEAD_COUNSELOR} (心理组长) is a counselor who also sees every case; a {@link
 * #SAFEGUARDING} (the principal or the person they name) decides mandatory reports and is paged at
 * once when a child may be harmed by an adult.
 */
public enum Role {
  PARENT,
  TEACHER,
  COUNSELOR,
  ADMIN,
  LEAD_COUNSELOR,
  SAFEGUARDING;

  public boolean isStaff() {
    return this != PARENT;
  }

  /** Works as a counselor: on the rota, acknowledges and answers escalations. */
  public boolean counsels() {
    return this == COUNSELOR || this == LEAD_COUNSELOR;
  }

  /** May receive a safeguarding page: never a parent or guardian, never a teacher or admin. */
  public boolean mayBePaged() {
    return counsels() || this == SAFEGUARDING;
  }

  public String label() {
    return switch (this) {
      case PARENT -> "家长";
      case TEACHER -> "老师";
      case COUNSELOR -> "心理老师";
      case ADMIN -> "管理员";
      case LEAD_COUNSELOR -> "心理组长";
      case SAFEGUARDING -> "保护负责人";
    };
  }
}
