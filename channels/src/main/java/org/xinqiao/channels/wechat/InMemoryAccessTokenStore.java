package org.xinqiao.channels.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A one-process {@link AccessTokenStore}, for tests and single-instance tools. */
public final class InMemoryAccessTokenStore implements AccessTokenStore {

  private record Lease(Object owner, Instant until) {}

  private final ConcurrentMap<String, StoredToken> tokens = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Lease> locks = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryAccessTokenStore() {
    this(Clock.systemUTC());
  }

  public InMemoryAccessTokenStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<StoredToken> read(String appId) {
    return Optional.ofNullable(tokens.get(appId));
  }

  @Override
  public void store(String appId, StoredToken token) {
    tokens.put(appId, token);
  }

  @Override
  public void clear(String appId, String token) {
    tokens.computeIfPresent(appId, (k, t) -> t.token().equals(token) ? null : t);
  }

  @Override
  public Optional<RefreshLock> tryLock(String appId, Duration lease) {
    Object owner = new Object();
    Instant now = clock.instant();
    Lease mine = new Lease(owner, now.plus(lease));
    Lease held =
        locks.compute(appId, (k, old) -> old == null || old.until().isBefore(now) ? mine : old);
    if (held != mine) {
      return Optional.empty();
    }
    return Optional.of(() -> locks.remove(appId, mine));
  }
}
