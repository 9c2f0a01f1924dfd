package org.xinqiao.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.xinqiao.channels.wechat.AccessTokenStore.RefreshLock;
import org.xinqiao.channels.wechat.AccessTokenStore.StoredToken;
import org.xinqiao.store.SharedState;

class SharedStateTokenStoreTest {

  /** Just enough SharedState to observe keys; TTLs are recorded, not enforced. */
  static final class MapState implements SharedState {
    final Map<String, String> values = new ConcurrentHashMap<>();
    final Map<String, Duration> ttls = new ConcurrentHashMap<>();

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
      ttls.put(key, ttl);
      return values.putIfAbsent(key, value) == null;
    }

    @Override
    public void put(String key, String value, Duration ttl) {
      ttls.put(key, ttl);
      values.put(key, value);
    }

    @Override
    public Optional<String> get(String key) {
      return Optional.ofNullable(values.get(key));
    }

    @Override
    public void delete(String key) {
      values.remove(key);
    }

    @Override
    public Optional<String> take(String key) {
      return Optional.ofNullable(values.remove(key));
    }

    @Override
    public long increment(String key, Duration ttl) {
      return values.merge(key, "1", (a, b) -> Long.toString(Long.parseLong(a) + 1)).length();
    }

    @Override
    public Optional<SharedLock> tryLock(String name, Duration lease) {
      String key = "lock:" + name;
      if (values.putIfAbsent(key, "held") != null) {
        return Optional.empty();
      }
      return Optional.of(() -> values.remove(key));
    }
  }

  final MapState state = new MapState();
  final SharedStateTokenStore store = new SharedStateTokenStore(state);

  @Test
  void storesTheTokenUnderTheAccountsKeyUntilItExpires() {
    Instant expires = Instant.now().plusSeconds(3600);
    store.store("wxA", new StoredToken("T1", expires));
    assertThat(state.values).containsKey("wechat:token:wxA");
    assertThat(state.ttls.get("wechat:token:wxA"))
        .isBetween(Duration.ofSeconds(3590), Duration.ofSeconds(3600));
    StoredToken read = store.read("wxA").orElseThrow();
    assertThat(read.token()).isEqualTo("T1");
    assertThat(read.expiresAt().toEpochMilli()).isEqualTo(expires.toEpochMilli());
    assertThat(store.read("wxB")).isEmpty();
  }

  @Test
  void clearsOnlyTheTokenItWasAskedToClear() {
    store.store("wxA", new StoredToken("NEW", Instant.now().plusSeconds(60)));
    store.clear("wxA", "OLD");
    assertThat(store.read("wxA")).isPresent();
    store.clear("wxA", "NEW");
    assertThat(store.read("wxA")).isEmpty();
  }

  @Test
  void refreshLockIsExclusiveUntilReleased() {
    RefreshLock first = store.tryLock("wxA", Duration.ofSeconds(10)).orElseThrow();
    assertThat(state.values).containsKey("lock:wechat:token-refresh:wxA");
    assertThat(store.tryLock("wxA", Duration.ofSeconds(10))).isEmpty();
    first.release();
    assertThat(store.tryLock("wxA", Duration.ofSeconds(10))).isPresent();
  }

  @Test
  void propertiesHideSecrets() {
    WeChatProperties p =
        new WeChatProperties(
            "wxA", "tokvalue", "K".repeat(43), null, "s3cret", null, null, null, null, null);
    assertThat(p.toString()).doesNotContain("tokvalue", "s3cret", "KKKK").contains("wxA");
    assertThat(p.replyTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.timestampSkew()).isEqualTo(Duration.ofSeconds(300));
  }
}
