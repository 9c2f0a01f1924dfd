package org.xinqiao.store;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.xinqiao.testsupport.RestartableRedis;
import org.xinqiao.testsupport.TestRedis;

/**
 * Not a test: prints latencies of the shared-state stores and of the Redis fallback, for the
 * report. Run with {@code java -cp <test classpath> org.xinqiao.store.SharedStateBenchmark}.
 */
final class SharedStateBenchmark {

  private static final Duration TTL = Duration.ofMinutes(1);

  public static void main(String[] args) throws Exception {
    try (RestartableRedis server = TestRedis.startDedicated()) {
      RedisSettings settings =
          new RedisSettings(
              server.url(),
              "bench:",
              Duration.ofMillis(500),
              Duration.ofMillis(500),
              16,
              Duration.ofSeconds(1),
              new RedisSettings.Sentinel(null, List.of(), null));
      RedisSharedState redis =
          new RedisSharedState(SharedStateConfiguration.connector(settings), "bench:");
      ResilientSharedState resilient =
          new ResilientSharedState(redis, new InProcessSharedState(), settings.retryAfter());
      InProcessSharedState memory = new InProcessSharedState();

      for (int r = 0; r < 2; r++) { // the first round warms up the JIT
        String round = Integer.toString(r);
        measure("in-process putIfAbsent", 20_000, i -> memory.putIfAbsent("m" + i, "v", TTL));
        measure("redis putIfAbsent", 5_000, i -> redis.putIfAbsent("r" + round + i, "v", TTL));
        measure("redis increment (lua)", 5_000, i -> redis.increment("c", TTL));
        measure(
            "resilient putIfAbsent", 5_000, i -> resilient.putIfAbsent("x" + round + i, "v", TTL));
      }

      server.stop();
      long start = System.nanoTime();
      resilient.putIfAbsent("down-0", "v", TTL);
      System.out.printf("first call after Redis died (trips breaker): %.2f ms%n", ms(start));
      measure(
          "resilient putIfAbsent, Redis down",
          5_000,
          i -> resilient.putIfAbsent("d" + i, "v", TTL));

      server.start();
      start = System.nanoTime();
      while (!resilient.redisAvailable() || !redis.get("back").isPresent()) {
        resilient.put("back", "v", TTL);
        Thread.sleep(10);
      }
      System.out.printf("back on Redis %.0f ms after it restarted (retry-after 1 s)%n", ms(start));
      redis.close();
    }
  }

  private static void measure(String name, int n, Consumer<Integer> op) {
    long[] nanos = new long[n];
    long total = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      op.accept(i);
      nanos[i] = System.nanoTime() - t;
    }
    double seconds = (System.nanoTime() - total) / 1e9;
    Arrays.sort(nanos);
    System.out.printf(
        "%-36s %8.0f ops/s  p50 %7.3f ms  p99 %7.3f ms%n",
        name, n / seconds, nanos[n / 2] / 1e6, nanos[n * 99 / 100] / 1e6);
  }

  private static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }
}
