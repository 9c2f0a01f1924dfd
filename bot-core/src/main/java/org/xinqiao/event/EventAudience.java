package org.xinqiao.event;

import java.util.List;
import org.xinqiao.people.Role;
import org.xinqiao.push.Audience;

/** Who an event is for. Parents see parent events; every member of staff sees teacher events. */
enum EventAudience {
  TEACHERS("老师"),
  PARENTS("家长"),
  BOTH("老师和家长");

  private final String label;

  EventAudience(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  boolean includes(Role role) {
    return this == BOTH || (this == PARENTS) == (role == Role.PARENT);
  }

  /** The audiences whose events a person with this role sees. */
  static List<EventAudience> seenBy(Role role) {
    return role == Role.PARENT ? List.of(PARENTS, BOTH) : List.of(TEACHERS, BOTH);
  }

  /** The push audiences (WeChat tags) an announcement of this event goes to. */
  List<Audience> pushAudiences() {
    return switch (this) {
      case TEACHERS -> List.of(Audience.TEACHER);
      case PARENTS -> List.of(Audience.PARENT);
      case BOTH -> List.of(Audience.PARENT, Audience.TEACHER);
    };
  }

  static EventAudience of(Audience audience) {
    return audience == Audience.PARENT ? PARENTS : TEACHERS;
  }
}
