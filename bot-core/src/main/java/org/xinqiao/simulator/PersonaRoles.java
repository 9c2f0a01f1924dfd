package org.xinqiao.simulator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xinqiao.appointment.DemoHours;
import org.xinqiao.people.People;
import org.xinqiao.people.Role;

/**
 * In the embedded default the teacher and counselor personas are staff from the start, so a person
 * trying the simulator sees a distress message page 张老师 without enrolling anyone first. With the
 * simulator's own account (not a real one kept beside it) 张老师 also gets demo consulting hours, so
 * 预约 works out of the box; see {@link SimulatorDemoTerm} for the weekly article.
 */
@Component
@Conditional(SimulatorEnabled.class)
class PersonaRoles {

  private final People people;
  private final DemoHours demoHours;
  private final boolean simulatorAccount;

  PersonaRoles(
      People people,
      DemoHours demoHours,
      @Value("${xinqiao.wechat.api-base-url:}") String apiBaseUrl) {
    this.people = people;
    this.demoHours = demoHours;
    this.simulatorAccount = SimulatorEnabled.pointsAtSimulator(apiBaseUrl);
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
    if (simulatorAccount) {
      demoHours.publishIfNoneFor("张老师");
    }
  }
}
