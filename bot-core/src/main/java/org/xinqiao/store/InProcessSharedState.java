package org.xinqiao.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The single-instance {@link SharedState}: a Caffeine cache with a TTL per entry. Correct for one
 * process only; a deployment with several instances must configure Redis.
 */
final class InProcessSharedState implements SharedState {

  private record Entry(String value, long ttlNanos) {}

  private final Cache<String, Entry> cache =
      Caffeine.newBuilder()
          .maximumSize(1_000_000)
          .expireAfter(
              new Expiry<String, Entry>() {
                @Override
                public long expireAfterCreate(String key, Entry entry, long currentTime) {
                  return entry.ttlNanos();
                }

                @Override
                public long expireAfterUpdate(
                    String key, Entry entry, long currentTime, long currentDuration) {
                  return entry.ttlNanos();
                }

                @Override
                public long expireAfterRead(
                    String key, Entry entry, long currentTime, long currentDuration) {
                  return currentDuration;
                }
              })
          .build();

  private static long nanos(Duration ttl) {
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    return TimeUnit.MILLISECONDS.toNanos(ttl.toMillis());
  }

  @Override
  public boolean putIfAbsent(String key, String value, Duration ttl) {
    Entry fresh = new Entry(value, nanos(ttl));
    return cache.asMap().putIfAbsent(key, fresh) == null;
  }

  @Override
  public void put(String key, String value, Duration ttl) {
    cache.put(key, new Entry(value, nanos(ttl)));
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(cache.getIfPresent(key)).map(Entry::value);
  }

  @Override
  public void delete(String key) {
    cache.invalidate(key);
  }

  @Override
  public long increment(String key, Duration ttl) {
    long ttlNanos = nanos(ttl);
    Entry updated =
        cache
            .asMap()
            .compute(
                key,
                (k, old) ->
                    old == null
                        ? new Entry("1", ttlNanos)
                        // keep the window of the first increment: Caffeine resets on update,
                        // so a fixed window is approximated by the original ttl.
                        : new Entry(Long.toString(Long.parseLong(old.value()) + 1), ttlNanos));
    return Long.parseLong(updated.value());
  }

  @Override
  public Optional<SharedLock> tryLock(String name, Duration lease) {
    String key = "lock:" + name;
    String token = UUID.randomUUID().toString();
    if (!putIfAbsent(key, token, lease)) {
      return Optional.empty();
    }
    return Optional.of(
        () -> cache.asMap().computeIfPresent(key, (k, e) -> e.value().equals(token) ? null : e));
  }
}
