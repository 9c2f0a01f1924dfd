package org.xinqiao.store;

import java.net.URI;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisSentineled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;

/** Chooses the shared-state implementation: Redis (with fallback) when configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisSettings.class)
class SharedStateConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SharedStateConfiguration.class);

  @Bean
  @ConditionalOnMissingBean(SharedState.class)
  SharedState sharedState(RedisSettings settings) {
    if (!settings.enabled()) {
      log.info("Shared state: in-process (set xinqiao.redis.url when running several instances)");
      return new InProcessSharedState();
    }
    log.info("Shared state: Redis at {}", settings.redactedUrl());
    RedisSharedState redis = new RedisSharedState(connector(settings), settings.keyPrefix());
    return new ResilientSharedState(redis, new InProcessSharedState(), settings.retryAfter());
  }

  @Bean
  SharedStateHealth sharedStateHealth(SharedState sharedState) {
    if (!(sharedState instanceof ResilientSharedState resilient)) {
      return SharedStateHealth.IN_PROCESS_ONLY;
    }
    // A view, not the store itself: a second bean that is also a SharedState would make every
    // SharedState injection ambiguous.
    return new SharedStateHealth() {
      @Override
      public boolean redisConfigured() {
        return true;
      }

      @Override
      public boolean redisAvailable() {
        return resilient.redisAvailable();
      }
    };
  }

  /** Checks the url now (a typo should stop start-up) and connects on first use. */
  static Supplier<UnifiedJedis> connector(RedisSettings settings) {
    URI uri = URI.create(settings.url().trim());
    if (!JedisURIHelper.isValid(uri)) {
      throw new IllegalArgumentException(
          "xinqiao.redis.url must look like redis://[:password@]host:port[/db] or rediss://...");
    }
    JedisClientConfig client =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
            .socketTimeoutMillis((int) settings.commandTimeout().toMillis())
            .user(JedisURIHelper.getUser(uri))
            .password(JedisURIHelper.getPassword(uri))
            .database(JedisURIHelper.getDBIndex(uri))
            .ssl(JedisURIHelper.isRedisSSLScheme(uri))
            .clientName("xinqiao")
            .build();
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(settings.poolSize());
    pool.setMaxIdle(settings.poolSize());
    pool.setMaxWait(settings.connectTimeout());
    RedisSettings.Sentinel sentinel = settings.sentinel();
    if (sentinel.enabled()) {
      Set<HostAndPort> nodes =
          sentinel.nodes().stream().map(HostAndPort::from).collect(Collectors.toSet());
      JedisClientConfig sentinelClient =
          DefaultJedisClientConfig.builder()
              .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
              .socketTimeoutMillis((int) settings.commandTimeout().toMillis())
              .password(blankToNull(sentinel.password()))
              .build();
      return () -> new JedisSentineled(sentinel.master(), client, pool, nodes, sentinelClient);
    }
    HostAndPort address = JedisURIHelper.getHostAndPort(uri);
    return () -> new JedisPooled(address, client, pool);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
