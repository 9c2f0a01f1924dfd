package org.xinqiao.wechat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.xinqiao.channels.wechat.AccessTokenStore;
import org.xinqiao.store.SharedState;

/**
 * The WeChat access token in {@link SharedState} (Redis when configured), so every instance uses
 * the one token: value {@code <expiresAtMillis>|<token>} under {@code wechat:token:<appid>},
 * refresh lock {@code wechat:token-refresh:<appid>}.
 */
final class SharedStateTokenStore implements AccessTokenStore {

  private final SharedState state;

  SharedStateTokenStore(SharedState state) {
    this.state = state;
  }

  private static String key(String appId) {
    return "wechat:token:" + appId;
  }

  @Override
  public Optional<StoredToken> read(String appId) {
    return state
        .get(key(appId))
        .flatMap(
            v -> {
              int bar = v.indexOf('|');
              try {
                return Optional.of(
                    new StoredToken(
                        v.substring(bar + 1),
                        Instant.ofEpochMilli(Long.parseLong(v.substring(0, bar)))));
              } catch (RuntimeException e) {
                return Optional.empty();
              }
            });
  }

  @Override
  public void store(String appId, StoredToken token) {
    Duration ttl = Duration.between(Instant.now(), token.expiresAt());
    if (ttl.isNegative() || ttl.isZero()) {
      return;
    }
    state.put(key(appId), token.expiresAt().toEpochMilli() + "|" + token.token(), ttl);
  }

  @Override
  public void clear(String appId, String token) {
    // Not atomic on SharedState; a token renewed between the read and the delete is re-fetched
    // with the stable API (no force refresh), which returns the same valid token.
    if (read(appId).map(t -> t.token().equals(token)).orElse(false)) {
      state.delete(key(appId));
    }
  }

  @Override
  public Optional<RefreshLock> tryLock(String appId, Duration lease) {
    return state.tryLock("wechat:token-refresh:" + appId, lease).map(lock -> lock::close);
  }
}
