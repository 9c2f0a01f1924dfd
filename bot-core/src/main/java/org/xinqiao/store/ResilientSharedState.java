package org.xinqiao.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis with an in-process fallback, so that safety detection, replies, escalation and paging never
 * wait on Redis. A failed Redis call is answered by the fallback and opens a breaker: for {@code
 * retryAfter} every call goes straight to the fallback, then Redis is tried again.
 *
 * <p>While degraded, state is per instance: a WeChat retry that reaches another instance may be
 * answered twice, and counters restart. That is the price of never dropping a message.
 */
final class ResilientSharedState implements SharedState, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ResilientSharedState.class);
  private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final SharedState redis;
  private final SharedState fallback;
  private final long retryAfterNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong lastWarning = new AtomicLong();
  private volatile boolean failing;
  private volatile long openUntil;

  ResilientSharedState(SharedState redis, SharedState fallback, Duration retryAfter) {
    this(redis, fallback, retryAfter, System::nanoTime);
  }

  ResilientSharedState(
      SharedState redis, SharedState fallback, Duration retryAfter, LongSupplier nanoTime) {
    this.redis = redis;
    this.fallback = fallback;
    this.retryAfterNanos = retryAfter.toNanos();
    this.nanoTime = nanoTime;
    this.lastWarning.set(nanoTime.getAsLong() - WARN_EVERY_NANOS);
  }

  private <T> T call(String operation, Function<SharedState, T> action) {
    if (!failing || nanoTime.getAsLong() - openUntil >= 0) {
      try {
        T result = action.apply(redis);
        if (failing) {
          failing = false;
          log.info("Shared state: Redis is reachable again; using it from now on");
        }
        return result;
      } catch (JedisException e) {
        trip(operation, e);
      }
    }
    return action.apply(fallback);
  }

  private void trip(String operation, JedisException e) {
    openUntil = nanoTime.getAsLong() + retryAfterNanos;
    failing = true;
    long now = nanoTime.getAsLong();
    long last = lastWarning.get();
    // Keys carry openids and message ids: log the operation and the cause only.
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      log.warn(
          "Shared state: Redis failed during {} ({}: {}); using the in-process store, "
              + "retrying Redis every {} ms (this warning repeats at most once a minute)",
          operation,
          e.getClass().getSimpleName(),
          e.getMessage(),
          TimeUnit.NANOSECONDS.toMillis(retryAfterNanos));
    }
  }

  /** False from a failed Redis call until the next successful one. */
  boolean redisAvailable() {
    return !failing;
  }

  @Override
  public boolean putIfAbsent(String key, String value, Duration ttl) {
    return call("putIfAbsent", s -> s.putIfAbsent(key, value, ttl));
  }

  @Override
  public void put(String key, String value, Duration ttl) {
    call(
        "put",
        s -> {
          s.put(key, value, ttl);
          return null;
        });
  }

  @Override
  public Optional<String> get(String key) {
    return call("get", s -> s.get(key));
  }

  @Override
  public void delete(String key) {
    call(
        "delete",
        s -> {
          s.delete(key);
          return null;
        });
  }

  @Override
  public Optional<String> take(String key) {
    return call("take", s -> s.take(key));
  }

  @Override
  public long increment(String key, Duration ttl) {
    return call("increment", s -> s.increment(key, ttl));
  }

  @Override
  public Optional<SharedLock> tryLock(String name, Duration lease) {
    // The lock is released on the store that granted it; a release that cannot reach Redis
    // leaves the lock to expire with its lease.
    return call("tryLock", s -> s.tryLock(name, lease))
        .map(
            lock ->
                () -> {
                  try {
                    lock.close();
                  } catch (JedisException e) {
                    trip("lock release", e);
                  }
                });
  }

  @Override
  public void close() throws Exception {
    if (redis instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
