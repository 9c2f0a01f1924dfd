package org.xinqiao.store;

/**
 * Whether shared state is really shared right now. When Redis is configured but unreachable the bot
 * keeps working on an in-process store (dedupe and rate limits then hold per instance only); the
 * console and health checks show that as degraded.
 */
public interface SharedStateHealth {

  /** True when {@code xinqiao.redis.url} is set. */
  boolean redisConfigured();

  /** True when Redis is configured and the last call to it succeeded. */
  boolean redisAvailable();

  /** Redis is configured but calls currently go to the in-process fallback. */
  default boolean degraded() {
    return redisConfigured() && !redisAvailable();
  }

  /** The health of a deployment that runs without Redis by choice. */
  SharedStateHealth IN_PROCESS_ONLY =
      new SharedStateHealth() {
        @Override
        public boolean redisConfigured() {
          return false;
        }

        @Override
        public boolean redisAvailable() {
          return false;
        }
      };
}
