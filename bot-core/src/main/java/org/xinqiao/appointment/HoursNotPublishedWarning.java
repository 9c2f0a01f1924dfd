package org.xinqiao.appointment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinqiao.deployment.AccountMode;

/**
 * With a real account, says at start-up when no counselor has published hours: until one does,
 * every 预约 finds no time, and an IT person should hear that from the log, not from a parent.
 */
@Component
class HoursNotPublishedWarning {

  private static final Logger log = LoggerFactory.getLogger(HoursNotPublishedWarning.class);

  private final JdbcClient jdbc;
  private final Environment env;

  HoursNotPublishedWarning(JdbcClient jdbc, Environment env) {
    this.jdbc = jdbc;
    this.env = env;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnIfNoHours() {
    if (AccountMode.isSimulator(env)) {
      return;
    }
    long hours = jdbc.sql("select count(*) from appointment_hours").query(Long.class).single();
    if (hours == 0) {
      log.warn(
          "Not configured: no counselor has published hours, so 预约 offers no times; a counselor"
              + " imports them at /console/appointments/schedule");
    }
  }
}
