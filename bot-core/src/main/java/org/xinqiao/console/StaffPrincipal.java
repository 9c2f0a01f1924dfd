package org.xinqiao.console;

import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/**
 * Who is logged in to the console: a member of staff known by their WeChat account. Its name
 * ({@code p<id>}) is what shared sessions are indexed by, so a revoked person's sessions can be
 * found and ended.
 */
public record StaffPrincipal(long personId, String displayName, Role role)
    implements Serializable, AuthenticatedPrincipal {

  static StaffPrincipal of(Person p) {
    return new StaffPrincipal(
        p.id(), p.displayName() == null ? p.role().label() : p.displayName(), p.role());
  }

  public String authority() {
    return "ROLE_" + role.name();
  }

  @Override
  public String getName() {
    return "p" + personId;
  }
}
