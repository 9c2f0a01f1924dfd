package org.xinqiao.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Short-lived state shared by every instance of the bot: dedupe keys, dialog sessions, rate limits,
 * locks and the WeChat access token. Redis when {@code xinqiao.redis.url} is set, an in-process
 * store otherwise. Every value expires; nothing here is the system of record.
 */
public interface SharedState {

  /** Stores the value only if the key is absent; true when this call stored it. */
  boolean putIfAbsent(String key, String value, Duration ttl);

  void put(String key, String value, Duration ttl);

  Optional<String> get(String key);

  void delete(String key);

  /**
   * Removes the key and returns the value it held, in one atomic step: of several callers racing
   * for the same key (a one-time code redeemed on two instances), exactly one gets the value.
   */
  Optional<String> take(String key);

  /**
   * Adds one to a counter that expires {@code ttl} after its first increment; returns the count.
   */
  long increment(String key, Duration ttl);

  /**
   * Takes a lock held for at most {@code lease}; empty when someone else holds it. Closing the
   * returned lock releases it only if this holder still owns it.
   */
  Optional<SharedLock> tryLock(String name, Duration lease);

  /** A held lock; release is a compare-and-delete so an expired holder never frees another's. */
  interface SharedLock extends AutoCloseable {
    @Override
    void close();
  }
}
