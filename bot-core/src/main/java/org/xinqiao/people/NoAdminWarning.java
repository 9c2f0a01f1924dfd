package org.xinqiao.people;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.xinqiao.deployment.AccountMode;

/** With a real account, says at start-up when nobody is an admin: nobody could enrol staff. */
@Component
class NoAdminWarning {

  private static final Logger log = LoggerFactory.getLogger(NoAdminWarning.class);

  private final PeopleProperties properties;
  private final Environment env;

  NoAdminWarning(PeopleProperties properties, Environment env) {
    this.properties = properties;
    this.env = env;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnIfNoAdmin() {
    if (properties.adminOpenids().isEmpty() && !AccountMode.isSimulator(env)) {
      log.warn(
          "Not configured: xinqiao.people.admin-openids (XINQIAO_PEOPLE_ADMIN_OPENIDS) is empty,"
              + " so nobody can send 邀请 to enrol counselors and teachers");
    }
  }
}
