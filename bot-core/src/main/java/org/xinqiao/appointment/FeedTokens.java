package org.xinqiao.appointment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secret calendar-feed links. A token is 32 random bytes shown once; only its SHA-256 is stored, so
 * a database dump leaks no working link. A new link revokes the old one.
 */
@Repository
class FeedTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;

  FeedTokens(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Revokes the counselor's links and returns a fresh token. */
  @Transactional
  String renew(long counselorId) {
    revoke(counselorId);
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql("insert into appointment_feed (token_hash, counselor_id, created_at) values (?, ?, ?)")
        .params(hash(token), counselorId, Timestamp.from(clock.instant()))
        .update();
    return token;
  }

  void revoke(long counselorId) {
    jdbc.sql(
            "update appointment_feed set revoked_at = ? where counselor_id = ?"
                + " and revoked_at is null")
        .params(Timestamp.from(clock.instant()), counselorId)
        .update();
  }

  boolean active(long counselorId) {
    return jdbc.sql(
                "select count(*) from appointment_feed where counselor_id = ? and revoked_at is null")
            .param(counselorId)
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<Long> counselorOf(String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select counselor_id from appointment_feed where token_hash = ? and revoked_at is null")
        .param(hash(token))
        .query(Long.class)
        .optional();
  }

  private static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
