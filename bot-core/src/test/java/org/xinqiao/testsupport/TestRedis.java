package org.xinqiao.testsupport;

import java.util.UUID;

/**
 * A real Redis for tests, started once per JVM and stopped when the JVM exits: the bundled
 * redis-server of {@code com.github.codemonstur:embedded-redis} on a free port, or the server named
 * by the environment variable {@code REDIS_URL} when it is set.
 *
 * <p>Tests share it, so each test keeps to its own keys: pass {@link #uniquePrefix()} as the key
 * prefix (for Spring tests: {@code registry.add("xinqiao.redis.url", TestRedis::url);
 * registry.add("xinqiao.redis.key-prefix", TestRedis::uniquePrefix);} in a
 * {@code @DynamicPropertySource} method). A test that stops Redis uses {@link #startDedicated()}
 * instead, never the shared one.
 */
public final class TestRedis {

  private TestRedis() {}

  private static final class Shared {
    static final String URL = startOnce();

    private static String startOnce() {
      String external = System.getenv("REDIS_URL");
      if (external != null && !external.isBlank()) {
        return external.trim();
      }
      RestartableRedis redis = new RestartableRedis(FreePort.find());
      Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "test-redis-stop"));
      return redis.url();
    }
  }

  /** The shared Redis's url, e.g. {@code redis://127.0.0.1:40123}; starts it on first use. */
  public static String url() {
    return Shared.URL;
  }

  /** A key prefix no other test uses, e.g. {@code test:1f3a9c0e:}. */
  public static String uniquePrefix() {
    return "test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  /** A Redis of the test's own (always embedded), which it may stop and restart; close it. */
  public static RestartableRedis startDedicated() {
    return new RestartableRedis(FreePort.find());
  }
}
