package org.xinqiao.channels.wechat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the account's access token lives, shared by every instance of the bot (Redis in
 * production). WeChat allows one valid token per account and a limited number of fetches a day, so
 * instances must not each fetch their own: the one that takes the refresh lock fetches, the others
 * read.
 */
public interface AccessTokenStore {

  /** A stored token and when it stops being usable. toString hides the token. */
  record StoredToken(String token, Instant expiresAt) {
    @Override
    public String toString() {
      return "StoredToken[token=***, expiresAt=" + expiresAt + "]";
    }
  }

  /** A held refresh lock; release deletes it only if this holder still owns it. */
  interface RefreshLock {
    void release();
  }

  Optional<StoredToken> read(String appId);

  void store(String appId, StoredToken token);

  /** Forgets the token only if it is still {@code token} (another instance may have renewed it). */
  void clear(String appId, String token);

  /** Takes the refresh lock for at most {@code lease}; empty when another holder has it. */
  Optional<RefreshLock> tryLock(String appId, Duration lease);
}
