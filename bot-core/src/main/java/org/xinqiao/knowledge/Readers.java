package org.xinqiao.knowledge;

import org.xinqiao.kb.Audience;
import org.xinqiao.people.Role;

/**
 * Which entries a person reads: staff (teacher, counselor, admin) as teachers, others as parents.
 */
final class Readers {
  private Readers() {}

  static Audience of(Role role) {
    return role != null && role.isStaff() ? Audience.TEACHER : Audience.PARENT;
  }
}
