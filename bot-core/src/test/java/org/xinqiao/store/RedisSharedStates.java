package org.xinqiao.store;

import org.xinqiao.testsupport.TestRedis;
import redis.clients.jedis.JedisPooled;

/** Real Redis-backed {@link SharedState} clients for tests outside this package. */
public final class RedisSharedStates {

  private RedisSharedStates() {}

  /** A new client on the shared test Redis; clients with the same prefix see the same keys. */
  public static SharedState client(String prefix) {
    return new RedisSharedState(() -> new JedisPooled(TestRedis.url()), prefix);
  }

  public static void close(SharedState state) {
    ((RedisSharedState) state).close();
  }
}
