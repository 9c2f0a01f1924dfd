package org.xinqiao.checkin;

import org.xinqiao.people.Role;

/** Who a check-in is written for. Counselors and admins are school staff: they take teachers'. */
enum Audience {
  PARENT,
  TEACHER,
  EVERYONE;

  boolean includes(Role role) {
    return switch (this) {
      case EVERYONE -> true;
      case PARENT -> role == Role.PARENT;
      case TEACHER -> role.isStaff();
    };
  }
}
