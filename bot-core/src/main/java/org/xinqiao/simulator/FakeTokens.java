package org.xinqiao.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the fake WeChat API: 7200 s each, like WeChat's. The stable-token API returns
 * the current token while it is valid, and a forced refresh kills the previous one (WECHAT.md).
 */
final class FakeTokens {

  static final Duration LIFETIME = Duration.ofSeconds(7200);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A token and when it stops working. */
  record Issued(String token, Instant expires) {}

  private final Clock clock;
  private final Map<String, Instant> valid = new ConcurrentHashMap<>();
  private Issued stable;

  FakeTokens(Clock clock) {
    this.clock = clock;
  }

  /** GET /cgi-bin/token: a fresh token each call; earlier ones stay valid until they expire. */
  Issued issue() {
    Instant now = clock.instant();
    valid.values().removeIf(expiry -> !expiry.isAfter(now));
    Issued fresh = new Issued(newToken(), now.plus(LIFETIME));
    valid.put(fresh.token(), fresh.expires());
    return fresh;
  }

  /** POST /cgi-bin/stable_token. */
  synchronized Issued stable(boolean forceRefresh) {
    Instant now = clock.instant();
    if (stable != null && stable.expires().isAfter(now) && !forceRefresh) {
      return stable;
    }
    if (stable != null) {
      valid.remove(stable.token());
    }
    stable = issue();
    return stable;
  }

  /** 0 when usable, else WeChat's errcode: 41001 missing, 40001 unknown, 42001 expired. */
  int check(String token) {
    if (token == null || token.isBlank()) {
      return 41001;
    }
    Instant expiry = valid.get(token);
    if (expiry == null) {
      return 40001;
    }
    return expiry.isAfter(clock.instant()) ? 0 : 42001;
  }

  long secondsLeft(Issued issued) {
    return Math.max(0, Duration.between(clock.instant(), issued.expires()).toSeconds());
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return "SIM_" + HexFormat.of().formatHex(bytes);
  }
}
