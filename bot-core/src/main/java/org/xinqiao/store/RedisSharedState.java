package org.xinqiao.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * {@link SharedState} on Redis. Every key gets the configured prefix. Counters and lock release are
 * small Lua scripts so each is one atomic step on the server.
 */
final class RedisSharedState implements SharedState, AutoCloseable {

  /** INCR, and set the window's expiry on the first increment (or repair a key without one). */
  private static final String INCREMENT =
      "local n = redis.call('INCR', KEYS[1]) "
          + "if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then "
          + "redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
          + "return n";

  /** Delete the lock only while it still holds this holder's token. */
  private static final String RELEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) "
          + "else return 0 end";

  /** GET and DEL as one step (GETDEL needs Redis 6.2; this runs on any server with Lua). */
  private static final String TAKE =
      "local v = redis.call('GET', KEYS[1]) if v then redis.call('DEL', KEYS[1]) end return v";

  private final Supplier<UnifiedJedis> connect;
  private final String prefix;
  private volatile UnifiedJedis jedis;

  /**
   * @param connect creates the client on first use, so that an unreachable Redis (Sentinel connects
   *     eagerly) never stops the application from starting
   */
  RedisSharedState(Supplier<UnifiedJedis> connect, String prefix) {
    this.connect = connect;
    this.prefix = prefix;
  }

  private UnifiedJedis jedis() {
    UnifiedJedis current = jedis;
    if (current == null) {
      synchronized (this) {
        if (jedis == null) {
          jedis = connect.get();
        }
        current = jedis;
      }
    }
    return current;
  }

  private String key(String key) {
    return prefix + key;
  }

  @Override
  public boolean putIfAbsent(String key, String value, Duration ttl) {
    long millis = Ttl.millis(ttl);
    return "OK".equals(jedis().set(key(key), value, SetParams.setParams().nx().px(millis)));
  }

  @Override
  public void put(String key, String value, Duration ttl) {
    long millis = Ttl.millis(ttl);
    jedis().set(key(key), value, SetParams.setParams().px(millis));
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(jedis().get(key(key)));
  }

  @Override
  public void delete(String key) {
    jedis().del(key(key));
  }

  @Override
  public Optional<String> take(String key) {
    return Optional.ofNullable((String) jedis().eval(TAKE, List.of(key(key)), List.of()));
  }

  @Override
  public long increment(String key, Duration ttl) {
    String millis = Long.toString(Ttl.millis(ttl));
    return (Long) jedis().eval(INCREMENT, List.of(key(key)), List.of(millis));
  }

  @Override
  public Optional<SharedLock> tryLock(String name, Duration lease) {
    String key = key("lock:" + name);
    String token = UUID.randomUUID().toString();
    long millis = Ttl.millis(lease);
    if (!"OK".equals(jedis().set(key, token, SetParams.setParams().nx().px(millis)))) {
      return Optional.empty();
    }
    return Optional.of(() -> jedis().eval(RELEASE, List.of(key), List.of(token)));
  }

  @Override
  public synchronized void close() {
    if (jedis != null) {
      jedis.close();
      jedis = null;
    }
  }
}
