package org.xinqiao.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The single-instance {@link SharedState}: a Caffeine cache where every entry carries its own
 * deadline. Correct for one process only; a deployment with several instances must configure Redis.
 * Also the fallback while Redis is unreachable.
 */
final class InProcessSharedState implements SharedState {

  /** A value and the ticker time at which it expires. */
  private record Entry(String value, long deadline) {}

  private final Ticker ticker = Ticker.systemTicker();

  private final Cache<String, Entry> cache =
      Caffeine.newBuilder()
          .maximumSize(1_000_000)
          .ticker(ticker)
          .expireAfter(
              new Expiry<String, Entry>() {
                @Override
                public long expireAfterCreate(String key, Entry entry, long currentTime) {
                  return entry.deadline() - currentTime;
                }

                @Override
                public long expireAfterUpdate(
                    String key, Entry entry, long currentTime, long currentDuration) {
                  return entry.deadline() - currentTime;
                }

                @Override
                public long expireAfterRead(
                    String key, Entry entry, long currentTime, long currentDuration) {
                  return currentDuration;
                }
              })
          .build();

  private long deadline(Duration ttl) {
    return ticker.read() + Ttl.millis(ttl) * 1_000_000L;
  }

  @Override
  public boolean putIfAbsent(String key, String value, Duration ttl) {
    Entry fresh = new Entry(value, deadline(ttl));
    return cache.asMap().putIfAbsent(key, fresh) == null;
  }

  @Override
  public void put(String key, String value, Duration ttl) {
    cache.put(key, new Entry(value, deadline(ttl)));
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
  public Optional<String> take(String key) {
    Entry removed = cache.asMap().remove(key);
    return removed == null || removed.deadline() - ticker.read() <= 0
        ? Optional.empty()
        : Optional.of(removed.value());
  }

  @Override
  public long increment(String key, Duration ttl) {
    long firstDeadline = deadline(ttl);
    Entry updated =
        cache
            .asMap()
            .compute(
                key,
                (k, old) ->
                    old == null
                        ? new Entry("1", firstDeadline)
                        // a fixed window: later increments keep the first one's deadline
                        : new Entry(
                            Long.toString(Long.parseLong(old.value()) + 1), old.deadline()));
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
