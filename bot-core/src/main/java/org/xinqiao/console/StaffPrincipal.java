package org.xinqiao.console;

import java.io.Serializable;
import org.xinqiao.people.Role;

/** Who is logged in to the console: a member of staff known by their WeChat account. */
public record StaffPrincipal(long personId, String displayName, Role role) implements Serializable {

  public String authority() {
    return "ROLE_" + role.name();
  }
}
