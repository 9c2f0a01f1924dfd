package org.xinqiao.console;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.store.SharedState;

/**
 * Password-free console login: a member of staff sends "登录" in WeChat and gets a one-time code, so
 * the console trusts exactly what the chat already trusts (their enrolled WeChat account).
 */
@Service
public class ConsoleLogin {

  static final Duration CODE_TTL = Duration.ofMinutes(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SharedState state;
  private final People people;

  ConsoleLogin(SharedState state, People people) {
    this.state = state;
    this.people = people;
  }

  /** A fresh code for a member of staff, valid once for {@link #CODE_TTL}. */
  public String issueCode(Person person) {
    if (!person.role().isStaff()) {
      throw new IllegalArgumentException("only staff can log in to the console");
    }
    while (true) {
      String code = String.format("%06d", RANDOM.nextInt(1_000_000));
      if (state.putIfAbsent(key(code), Long.toString(person.id()), CODE_TTL)) {
        return code;
      }
    }
  }

  /** The staff member a code belongs to; the code is spent either way. */
  Optional<StaffPrincipal> redeem(String code) {
    if (code == null || !code.strip().matches("\\d{6}")) {
      return Optional.empty();
    }
    String key = key(code.strip());
    Optional<String> personId = state.get(key);
    state.delete(key);
    return personId
        .flatMap(id -> people.find(Long.parseLong(id)))
        .filter(p -> p.role().isStaff())
        .map(
            p ->
                new StaffPrincipal(
                    p.id(),
                    p.displayName() == null ? p.role().label() : p.displayName(),
                    p.role()));
  }

  private static String key(String code) {
    return "console-login:" + code;
  }
}
