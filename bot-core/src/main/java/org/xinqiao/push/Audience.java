package org.xinqiao.push;

import java.util.Locale;
import org.xinqiao.people.Role;

/** Who a weekly article is written for; each audience has its own WeChat tag. */
public enum Audience {
  PARENT,
  TEACHER;

  /** Parents read parent articles; every member of staff reads the teacher series. */
  static Audience of(Role role) {
    return role == Role.PARENT ? PARENT : TEACHER;
  }

  /** The value used in article front matter ({@code parent}, {@code teacher}). */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Audience fromKey(String key) {
    return valueOf(key.strip().toUpperCase(Locale.ROOT));
  }

  public String label() {
    return this == PARENT ? "家长" : "老师";
  }
}
