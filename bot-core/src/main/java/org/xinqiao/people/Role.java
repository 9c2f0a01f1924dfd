package org.xinqiao.people;

/** What a person is to the school. Everyone starts as a parent; staff roles come from an admin. */
public enum Role {
  PARENT,
  TEACHER,
  COUNSELOR,
  ADMIN;

  public boolean isStaff() {
    return this != PARENT;
  }

  public String label() {
    return switch (this) {
      case PARENT -> "家长";
      case TEACHER -> "老师";
      case COUNSELOR -> "心理老师";
      case ADMIN -> "管理员";
    };
  }
}
