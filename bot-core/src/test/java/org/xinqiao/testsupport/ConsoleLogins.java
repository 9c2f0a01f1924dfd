package org.xinqiao.testsupport;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.people.Role;

/**
 * A logged-in console user for MockMvc tests ({@code .with(authentication(...))}). The console
 * checks the person's current role in the database on every request, so the principal must be a
 * real person holding that role: this inserts one.
 */
public final class ConsoleLogins {

  private ConsoleLogins() {}

  /** A new member of staff with {@code role}, logged in. */
  public static UsernamePasswordAuthenticationToken as(JdbcClient jdbc, Role role) {
    return as(person(jdbc, role, "测试" + role.label()), role);
  }

  /** A new member of staff with {@code role} and {@code displayName}, logged in under that name. */
  public static UsernamePasswordAuthenticationToken as(
      JdbcClient jdbc, Role role, String displayName) {
    StaffPrincipal staff = new StaffPrincipal(person(jdbc, role, displayName), displayName, role);
    return UsernamePasswordAuthenticationToken.authenticated(
        staff, null, List.of(new SimpleGrantedAuthority(staff.authority())));
  }

  /** An existing person, logged in with {@code role} (which must be their role in the database). */
  public static UsernamePasswordAuthenticationToken as(long personId, Role role) {
    StaffPrincipal staff = new StaffPrincipal(personId, "测试", role);
    return UsernamePasswordAuthenticationToken.authenticated(
        staff, null, List.of(new SimpleGrantedAuthority(staff.authority())));
  }

  /** Inserts a person with {@code role}; returns their id. */
  public static long person(JdbcClient jdbc, Role role, String displayName) {
    String openid = "o_console_" + UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            "insert into person (channel, openid, role, display_name, following, consented_at,"
                + " created_at) values ('wechat', ?, ?, ?, true, ?, ?)")
        .params(openid, role.name(), displayName, now, now)
        .update();
    return jdbc.sql("select id from person where openid = ?")
        .param(openid)
        .query(Long.class)
        .single();
  }
}
