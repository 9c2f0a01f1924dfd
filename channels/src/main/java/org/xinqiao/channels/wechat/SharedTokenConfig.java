package org.xinqiao.channels.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * WxJava configuration whose access token lives in an {@link AccessTokenStore}, so all instances
 * share one token. WxJava re-reads the token after taking the lock returned by {@link
 * #getAccessTokenLock()}, so only one instance fetches; the stable-token API is used and nothing
 * here ever asks for a forced refresh.
 */
final class SharedTokenConfig extends WxMpDefaultConfigImpl {

  /** Renew this long before WeChat's stated expiry, so no call races the deadline. */
  static final Duration EARLY = Duration.ofMinutes(5);

  static final Duration LEASE = Duration.ofSeconds(10);

  private final transient AccessTokenStore store;
  private final transient Clock clock;

  SharedTokenConfig(WeChatAccount account, AccessTokenStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    setAppId(account.appId());
    setSecret(account.secret());
    setToken(account.token());
    setAesKey(account.aesKey());
    setUseStableAccessToken(true);
    String base = account.apiBaseUrl();
    setHostConfig(WxMpHostConfig.builder().apiHost(base).mpHost(base).openHost(base).build());
  }

  private Optional<AccessTokenStore.StoredToken> current() {
    return store.read(getAppId()).filter(t -> t.expiresAt().isAfter(clock.instant()));
  }

  @Override
  public String getAccessToken() {
    return current().map(AccessTokenStore.StoredToken::token).orElse(null);
  }

  @Override
  public boolean isAccessTokenExpired() {
    return current().isEmpty();
  }

  @Override
  public synchronized void updateAccessToken(WxAccessToken token) {
    updateAccessToken(token.getAccessToken(), token.getExpiresIn());
  }

  @Override
  public synchronized void updateAccessToken(String token, int expiresInSeconds) {
    Duration life = Duration.ofSeconds(Math.max(expiresInSeconds, 60));
    Duration usable =
        life.compareTo(EARLY.multipliedBy(2)) > 0 ? life.minus(EARLY) : life.dividedBy(2);
    store.store(getAppId(), new AccessTokenStore.StoredToken(token, clock.instant().plus(usable)));
  }

  @Override
  public void expireAccessToken() {
    // Called by WxJava after 40001/42001, under the lock, only if the token is still the one that
    // failed: forget that token so the next call fetches (stable API, no force refresh).
    String token = getAccessToken();
    if (token != null) {
      store.clear(getAppId(), token);
    }
  }

  /**
   * A fresh lock object per call: WxJava uses one for tryLock and unlock, so each holds a lease.
   */
  @Override
  public Lock getAccessTokenLock() {
    return new StoreLock();
  }

  private final class StoreLock implements Lock {
    private AccessTokenStore.RefreshLock held;

    @Override
    public boolean tryLock() {
      held = store.tryLock(getAppId(), LEASE).orElse(null);
      return held != null;
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
      long deadline = System.nanoTime() + unit.toNanos(time);
      while (!tryLock()) {
        if (System.nanoTime() - deadline >= 0) {
          return false;
        }
        Thread.sleep(20);
      }
      return true;
    }

    @Override
    public void lock() {
      try {
        if (!tryLock(LEASE.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("WeChat token lock not available");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for the WeChat token lock");
      }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
      if (!tryLock(LEASE.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("WeChat token lock not available");
      }
    }

    @Override
    public void unlock() {
      if (held != null) {
        held.release();
        held = null;
      }
    }

    @Override
    public Condition newCondition() {
      throw new UnsupportedOperationException();
    }
  }

  @Override
  public String toString() {
    return "SharedTokenConfig[appId=" + getAppId() + "]";
  }
}
