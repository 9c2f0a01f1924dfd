package org.xinqiao.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.xinqiao.testsupport.TestRedis;
import redis.clients.jedis.JedisPooled;

/** Which shared state the application gets for which configuration. */
class SharedStateWiringTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(SharedStateConfiguration.class);

  @Test
  void withoutARedisUrlUsesTheInProcessStore() {
    runner.run(
        context -> {
          assertThat(context.getBean(SharedState.class)).isInstanceOf(InProcessSharedState.class);
          assertThat(context.getBean(SharedStateHealth.class).redisConfigured()).isFalse();
          assertThat(context.getBean(SharedStateHealth.class).degraded()).isFalse();
        });
  }

  @Test
  void withARedisUrlWritesToRedisUnderTheKeyPrefix() {
    String prefix = TestRedis.uniquePrefix();
    runner
        .withPropertyValues(
            "xinqiao.redis.url=" + TestRedis.url(), "xinqiao.redis.key-prefix=" + prefix)
        .run(
            context -> {
              SharedState state = context.getBean(SharedState.class);
              state.put("session:w", "v", Duration.ofMinutes(1));
              try (JedisPooled direct = new JedisPooled(TestRedis.url())) {
                assertThat(direct.get(prefix + "session:w")).isEqualTo("v");
              }
              assertThat(context.getBean(SharedStateHealth.class).redisAvailable()).isTrue();
            });
  }

  @Test
  void startsAndAnswersFromMemoryWhenRedisIsUnreachable() {
    runner
        .withPropertyValues(
            "xinqiao.redis.url=redis://127.0.0.1:1", "xinqiao.redis.connect-timeout=200ms")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              SharedState state = context.getBean(SharedState.class);
              assertThat(state.putIfAbsent("dedupe:x", "1", Duration.ofMinutes(1))).isTrue();
              assertThat(state.putIfAbsent("dedupe:x", "1", Duration.ofMinutes(1))).isFalse();
              assertThat(context.getBean(SharedStateHealth.class).degraded()).isTrue();
            });
  }

  @Test
  void refusesToStartWithAMalformedRedisUrl() {
    runner
        .withPropertyValues("xinqiao.redis.url=localhost:6379")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void settingsNeverPrintPasswords() {
    RedisSettings settings =
        new RedisSettings(
            "rediss://:s3cret@redis.school.internal:6380/2",
            "xq:",
            Duration.ofMillis(500),
            Duration.ofMillis(500),
            8,
            Duration.ofSeconds(5),
            new RedisSettings.Sentinel("mymaster", List.of("s1:26379"), "sentinel-pw"));
    DbSettings db = new DbSettings("jdbc:postgresql://db/xq", "xq", "db-pw", 10, "./data");

    assertThat(settings.toString())
        .doesNotContain("s3cret")
        .doesNotContain("sentinel-pw")
        .contains("redis.school.internal:6380/2");
    assertThat(db.toString()).doesNotContain("db-pw").contains("jdbc:postgresql://db/xq");
  }
}
