package org.xinqiao.simulator;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xinqiao.people.People;
import org.xinqiao.people.Role;

/**
 * In the embedded default the teacher and counselor personas are staff from the start, so a person
 * trying the simulator sees a distress message page 张老师 without enrolling anyone first.
 */
@Component
@Conditional(SimulatorEnabled.class)
class PersonaRoles {

  private final People people;

  PersonaRoles(People people) {
    this.people = people;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    for (Personas.Persona persona : Personas.FIXED) {
      switch (persona.role()) {
        case "teacher" -> people.seedStaff("wechat", persona.openid(), Role.TEACHER, "李老师");
        case "counselor" -> people.seedStaff("wechat", persona.openid(), Role.COUNSELOR, "张老师");
        default -> {}
      }
    }
  }
}
