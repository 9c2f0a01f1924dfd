package org.xinqiao.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.xinqiao.store.SharedState.SharedLock;
import org.xinqiao.testsupport.RestartableRedis;
import org.xinqiao.testsupport.TestRedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The bot keeps working while Redis is down and returns to Redis when it is back. */
class ResilientSharedStateTest {

  private static final Duration TTL = Duration.ofMinutes(5);

  @Test
  void keepsWorkingWhileRedisIsDownAndReturnsToRedisWhenItIsBack() throws Exception {
    try (RestartableRedis server = TestRedis.startDedicated();
        JedisPooled direct = new JedisPooled(server.url())) {
      RedisSharedState redis =
          new RedisSharedState(SharedStateConfiguration.connector(settings(server)), "xq:");
      ResilientSharedState state =
          new ResilientSharedState(redis, new InProcessSharedState(), Duration.ofMillis(200));

      state.put("session:1", "on-redis", TTL);
      assertThat(direct.get("xq:session:1")).isEqualTo("on-redis");
      assertThat(state.redisAvailable()).isTrue();

      server.stop();

      assertThat(state.putIfAbsent("dedupe:m1", "x", TTL)).isTrue();
      assertThat(state.putIfAbsent("dedupe:m1", "x", TTL)).isFalse();
      assertThat(state.increment("rate:o1", TTL)).isEqualTo(1);
      assertThat(state.increment("rate:o1", TTL)).isEqualTo(2);
      Optional<SharedLock> lock = state.tryLock("push", TTL);
      assertThat(lock).isPresent();
      assertThat(state.tryLock("push", TTL)).isEmpty();
      lock.get().close();
      assertThat(state.redisAvailable()).isFalse();

      server.start();

      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .until(
              () -> {
                state.put("session:2", "back", TTL);
                return "back".equals(direct.get("xq:session:2"));
              });
      assertThat(state.redisAvailable()).isTrue();
      assertThat(state.putIfAbsent("dedupe:m2", "y", TTL)).isTrue();
      assertThat(direct.get("xq:dedupe:m2")).isEqualTo("y");
      redis.close();
    }
  }

  @Test
  void skipsRedisWhileTheBreakerIsOpenAndTriesAgainAfterwards() {
    AtomicInteger redisCalls = new AtomicInteger();
    AtomicLong now = new AtomicLong(1_000_000_000L);
    SharedState broken =
        new Unreachable() {
          @Override
          public Optional<String> get(String key) {
            redisCalls.incrementAndGet();
            return super.get(key);
          }
        };
    InProcessSharedState fallback = new InProcessSharedState();
    fallback.put("k", "from-fallback", TTL);
    ResilientSharedState state =
        new ResilientSharedState(broken, fallback, Duration.ofSeconds(5), now::get);

    assertThat(state.get("k")).contains("from-fallback");
    assertThat(state.get("k")).contains("from-fallback");
    assertThat(redisCalls).as("second call skipped Redis").hasValue(1);

    now.addAndGet(Duration.ofSeconds(5).toNanos());

    assertThat(state.get("k")).contains("from-fallback");
    assertThat(redisCalls).as("Redis tried again after the open period").hasValue(2);
    assertThat(state.redisAvailable()).isFalse();
  }

  @Test
  void aLockFromRedisWhoseReleaseCannotReachRedisIsLeftToExpire() {
    SharedState redis =
        new Unreachable() {
          @Override
          public Optional<SharedLock> tryLock(String name, Duration lease) {
            return Optional.of(
                () -> {
                  throw new JedisConnectionException("gone");
                });
          }
        };
    ResilientSharedState state =
        new ResilientSharedState(redis, new InProcessSharedState(), Duration.ofSeconds(5));

    SharedLock lock = state.tryLock("job", TTL).orElseThrow();
    lock.close();

    assertThat(state.redisAvailable()).isFalse();
  }

  private static RedisSettings settings(RestartableRedis server) {
    return new RedisSettings(
        server.url(),
        "xq:",
        Duration.ofMillis(300),
        Duration.ofMillis(300),
        4,
        Duration.ofMillis(200),
        new RedisSettings.Sentinel(null, List.of(), null));
  }

  /** A Redis that refuses every connection. */
  private static class Unreachable implements SharedState {
    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
      throw new JedisConnectionException("connection refused");
    }

    @Override
    public void put(String key, String value, Duration ttl) {
      throw new JedisConnectionException("connection refused");
    }

    @Override
    public Optional<String> get(String key) {
      throw new JedisConnectionException("connection refused");
    }

    @Override
    public void delete(String key) {
      throw new JedisConnectionException("connection refused");
    }

    @Override
    public Optional<String> take(String key) {
      throw new JedisConnectionException("connection refused");
    }

    @Override
    public long increment(String key, Duration ttl) {
      throw new JedisConnectionException("connection refused");
    }

    @Override
    public Optional<SharedLock> tryLock(String name, Duration lease) {
      throw new JedisConnectionException("connection refused");
    }
  }
}
