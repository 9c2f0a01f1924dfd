package org.xinqiao.wechat;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.xinqiao.store.SharedState;

/**
 * A fixed-window message count per sender in the shared store, so every instance enforces one
 * limit. Keys carry a hash of the openid, never the openid.
 */
@Component
@EnableConfigurationProperties(CallbackLimits.class)
class SenderRateLimit {

  private final SharedState state;
  private final CallbackLimits limits;
  private final Clock clock;

  SenderRateLimit(SharedState state, CallbackLimits limits, Clock clock) {
    this.state = state;
    this.limits = limits;
    this.clock = clock;
  }

  /** Counts this message; true while the sender is within the limit. */
  boolean allow(String openid) {
    return state.increment("wechat:rate:" + window(openid), limits.window()) <= limits.perSender();
  }

  /** True once per window for a limited sender: the one time they are told to slow down. */
  boolean firstRefusal(String openid) {
    return state.putIfAbsent("wechat:rate-told:" + window(openid), "1", limits.window());
  }

  private String window(String openid) {
    long bucket = clock.millis() / Math.max(1, limits.window().toMillis());
    return WeChatPortalController.hash(openid) + ":" + bucket;
  }
}
