package org.xinqiao.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time codes: only a hash is stored, so a database dump does not leak usable codes. */
@Repository
class StaffInvites {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;

  StaffInvites(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  String create(long adminId, Role role, String name, java.time.Duration validity) {
    String code = String.format("%08d", RANDOM.nextInt(100_000_000));
    Instant now = clock.instant();
    jdbc.sql(
            "insert into staff_invite (code_hash, role, display_name, created_by, created_at,"
                + " expires_at) values (?, ?, ?, ?, ?, ?)")
        .params(
            hash(code),
            role.name(),
            name,
            adminId,
            Timestamp.from(now),
            Timestamp.from(now.plus(validity)))
        .update();
    return code;
  }

  record Redeemed(Role role, String displayName) {}

  /** Marks the code used by {@code personId}; empty when unknown, used or expired. */
  Optional<Redeemed> redeem(String code, long personId) {
    Instant now = clock.instant();
    String hash = hash(code);
    int updated =
        jdbc.sql(
                "update staff_invite set used_by = ?, used_at = ? where code_hash = ?"
                    + " and used_at is null and expires_at > ?")
            .params(personId, Timestamp.from(now), hash, Timestamp.from(now))
            .update();
    if (updated != 1) {
      return Optional.empty();
    }
    return jdbc.sql("select role, display_name from staff_invite where code_hash = ?")
        .param(hash)
        .query((rs, i) -> new Redeemed(Role.valueOf(rs.getString(1)), rs.getString(2)))
        .optional();
  }

  private static String hash(String code) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
