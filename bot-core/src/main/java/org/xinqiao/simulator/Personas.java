package org.xinqiao.simulator;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people the IT person can chat as: four fixed personas who already follow the account, and any
 * number of new parents (who must follow first), each with a fake openid.
 */
final class Personas {

  /** Someone to chat as; the openid is fake and only ever used against the simulator. */
  record Persona(String id, String name, String role, String openid) {}

  static final List<Persona> FIXED =
      List.of(
          new Persona("parent", "家长·王妈妈", "parent", "o_sim_parent_0001"),
          new Persona("teacher", "李老师", "teacher", "o_sim_teacher_0001"),
          new Persona("counselor", "张老师(心理)", "counselor", "o_sim_counselor_0001"),
          new Persona("admin", "陈主任(管理员)", "admin", "o_sim_admin_0001"));

  private static final int MAX_NEW = 200;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Persona> byOpenid = new LinkedHashMap<>();
  private int created;

  Personas() {
    FIXED.forEach(p -> byOpenid.put(p.openid(), p));
  }

  synchronized Persona newParent() {
    if (byOpenid.size() >= FIXED.size() + MAX_NEW) {
      // forget the oldest new parent; the fixed ones stay
      byOpenid.remove(byOpenid.keySet().stream().skip(FIXED.size()).findFirst().orElseThrow());
    }
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    created++;
    Persona persona =
        new Persona(
            "new-" + created,
            "新家长" + created,
            "parent",
            "o_sim_new_" + HexFormat.of().formatHex(bytes));
    byOpenid.put(persona.openid(), persona);
    return persona;
  }

  synchronized Optional<Persona> byOpenid(String openid) {
    return Optional.ofNullable(openid).map(byOpenid::get);
  }

  synchronized List<Persona> all() {
    return new ArrayList<>(byOpenid.values());
  }
}
