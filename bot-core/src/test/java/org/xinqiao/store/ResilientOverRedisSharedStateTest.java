package org.xinqiao.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.xinqiao.testsupport.TestRedis;
import redis.clients.jedis.JedisPooled;

/** The fallback wrapper keeps the contract while Redis is healthy. */
class ResilientOverRedisSharedStateTest extends SharedStateContract {

  @Override
  SharedState newState() {
    RedisSharedState redis =
        new RedisSharedState(() -> new JedisPooled(TestRedis.url()), TestRedis.uniquePrefix());
    return new ResilientSharedState(redis, new InProcessSharedState(), Duration.ofSeconds(5));
  }

  @Override
  void release(SharedState state) throws Exception {
    ResilientSharedState resilient = (ResilientSharedState) state;
    assertThat(resilient.redisAvailable())
        .as("the contract ran on Redis, not the fallback")
        .isTrue();
    resilient.close();
  }
}
