package org.xinqiao.simulator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.xinqiao.appointment.DemoHours;
import org.xinqiao.people.People;
import org.xinqiao.people.Role;

/**
 * With the simulator's own account the teacher, counselor and admin personas are staff from the
 * start, so a person trying the simulator sees a distress message page 张老师 and can try the admin
 * commands without enrolling anyone first; 张老师 also gets demo consulting hours, so 预约 works out of
 * the box (see {@link SimulatorDemoTerm} for the weekly article). Beside a real account
 * (allow-with-real-account) nothing is seeded: fake openids must never become staff in a real
 * school's database.
 */
@Component
@Conditional(SimulatorEnabled.class)
class PersonaRoles {

  private final People people;
  private final Environment env;
  private final ObjectProvider<DemoHours> demoHours;

  PersonaRoles(People people, Environment env, ObjectProvider<DemoHours> demoHours) {
    this.people = people;
    this.env = env;
    this.demoHours = demoHours;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    if (SimulatorEnabled.besideRealAccount(env)) {
      return;
    }
    for (Personas.Persona persona : Personas.FIXED) {
      switch (persona.role()) {
        case "teacher" -> people.seedStaff("wechat", persona.openid(), Role.TEACHER, "李老师");
        case "counselor" -> people.seedStaff("wechat", persona.openid(), Role.COUNSELOR, "张老师");
        case "admin" -> people.seedStaff("wechat", persona.openid(), Role.ADMIN, "陈主任");
        default -> {}
      }
    }
    // absent only in slim contexts without the appointment feature
    demoHours.ifAvailable(hours -> hours.publishIfNoneFor("张老师"));
  }
}
