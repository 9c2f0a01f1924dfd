package org.xinqiao.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinqiao.testsupport.RestartableRedis;
import org.xinqiao.testsupport.TestRedis;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisSentinel;

/** With {@code xinqiao.redis.sentinel.*} the store finds the master through a sentinel. */
class RedisSentinelTest {

  @Test
  void findsTheMasterThroughTheSentinel() throws Exception {
    int sentinelPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      sentinelPort = socket.getLocalPort();
    }
    try (RestartableRedis master = TestRedis.startDedicated();
        JedisPooled direct = new JedisPooled(master.url())) {
      RedisSentinel sentinel =
          RedisSentinel.newRedisSentinel()
              .bind("127.0.0.1")
              .port(sentinelPort)
              .masterName("xqmaster")
              .masterPort(master.port())
              .build();
      sentinel.start();
      try {
        RedisSettings settings =
            new RedisSettings(
                // the host is ignored with Sentinel; the url still gives database and password
                "redis://ignored:6379/0",
                "xq:",
                Duration.ofMillis(500),
                Duration.ofMillis(500),
                4,
                Duration.ofSeconds(1),
                new RedisSettings.Sentinel("xqmaster", List.of("127.0.0.1:" + sentinelPort), null));
        try (RedisSharedState state =
            new RedisSharedState(SharedStateConfiguration.connector(settings), "xq:")) {
          state.put("session:s", "via-sentinel", Duration.ofMinutes(1));

          assertThat(direct.get("xq:session:s")).isEqualTo("via-sentinel");
        }
      } finally {
        sentinel.stop();
      }
    }
  }
}
