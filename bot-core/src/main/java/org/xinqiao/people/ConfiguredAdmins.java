package org.xinqiao.people;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Applies {@code xinqiao.people.admin-openids} at every start: an openid taken out of the list
 * takes its admin role with it (only for admins the list made; see {@link RoleSource}).
 */
@Component
class ConfiguredAdmins implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ConfiguredAdmins.class);

  private final StaffRoles roles;

  ConfiguredAdmins(StaffRoles roles) {
    this.roles = roles;
  }

  @Override
  public void run(ApplicationArguments args) {
    int demoted = roles.demoteUnconfiguredAdmins();
    if (demoted > 0) {
      log.warn(
          "{} admin(s) no longer in xinqiao.people.admin-openids lost the admin role", demoted);
    }
  }
}
