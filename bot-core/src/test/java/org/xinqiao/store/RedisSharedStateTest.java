package org.xinqiao.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xinqiao.testsupport.TestRedis;
import redis.clients.jedis.JedisPooled;

/** The contract on a real Redis (embedded, or REDIS_URL), each test under its own key prefix. */
class RedisSharedStateTest extends SharedStateContract {

  private String prefix;

  @Override
  SharedState newState() {
    prefix = TestRedis.uniquePrefix();
    return new RedisSharedState(() -> new JedisPooled(TestRedis.url()), prefix);
  }

  @Override
  void release(SharedState state) {
    ((RedisSharedState) state).close();
  }

  @Test
  void writesUnderTheKeyPrefixWithAnExpiry() {
    state.put("session:p", "v", Duration.ofMinutes(1));
    state.increment("rate:p", Duration.ofMinutes(1));

    try (JedisPooled redis = new JedisPooled(TestRedis.url())) {
      assertThat(redis.get(prefix + "session:p")).isEqualTo("v");
      assertThat(redis.pttl(prefix + "session:p")).isPositive();
      assertThat(redis.pttl(prefix + "rate:p")).isPositive();
      assertThat(redis.exists("session:p")).isFalse();
    }
  }
}
