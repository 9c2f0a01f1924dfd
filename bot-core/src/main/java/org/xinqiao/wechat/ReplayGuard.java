package org.xinqiao.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import org.xinqiao.store.SharedState;

/**
 * Refuses a signed callback whose timestamp and nonce were already used for a different body. In
 * plaintext mode WeChat's signature covers only token, timestamp and nonce, so a captured signature
 * would otherwise carry any body and openid for the whole timestamp window. Shared through {@link
 * SharedState}, so a replay to another instance is refused too.
 *
 * <p>The same bytes again are let through: that is a redelivery of the same request, which the
 * MsgId dedupe answers with the first reply (WeChat's own retries come re-signed, with a new nonce,
 * and are deduplicated the same way).
 */
@Component
class ReplayGuard {

  private final SharedState state;
  private final Duration remember;

  ReplayGuard(SharedState state, WeChatProperties properties) {
    this.state = state;
    // a timestamp is accepted from skew before to skew after itself: remember the nonce that long
    this.remember = properties.timestampSkew().multipliedBy(2).plusSeconds(60);
  }

  /** True when this (timestamp, nonce) is new, or was seen with exactly this body. */
  boolean firstUse(String timestamp, String nonce, byte[] body) {
    String key = "wechat:nonce:" + sha256(timestamp + "\n" + nonce);
    String digest = sha256(body);
    if (state.putIfAbsent(key, digest, remember)) {
      return true;
    }
    return state.get(key).map(digest::equals).orElse(true);
  }

  private static String sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
