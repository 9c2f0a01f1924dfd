package org.xinqiao.wechat;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.xinqiao.channels.wechat.AccessTokenStore;
import org.xinqiao.channels.wechat.WeChatAccount;
import org.xinqiao.channels.wechat.WeChatApiClient;
import org.xinqiao.channels.wechat.WeChatCallbackCodec;
import org.xinqiao.store.SharedState;

/** Wires the WeChat adapter: account, callback codec, API client, token store, reply executor. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeChatProperties.class)
class WeChatConfiguration {

  @Bean
  WeChatAccount weChatAccount(WeChatProperties p) {
    return new WeChatAccount(
        p.appId(), p.token(), p.aesKey(), p.previousAesKey(), p.secret(), p.apiBaseUrl());
  }

  @Bean
  WeChatCallbackCodec weChatCallbackCodec(
      WeChatAccount account, WeChatProperties p, ObjectProvider<Clock> clock) {
    return new WeChatCallbackCodec(
        account, p.timestampSkew(), clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  AccessTokenStore weChatAccessTokenStore(SharedState state) {
    return new SharedStateTokenStore(state);
  }

  /** Also the {@link org.xinqiao.channels.MessageSender} for customer-service messages. */
  @Bean
  WeChatApiClient weChatApiClient(WeChatAccount account, AccessTokenStore tokens) {
    return new WeChatApiClient(account, tokens);
  }

  /**
   * Runs the pipeline for callbacks. Bounded both ways: a burst beyond the queue is refused (the
   * callback answers 503 and WeChat retries) instead of piling up threads or memory.
   */
  @Bean(destroyMethod = "shutdown")
  ExecutorService weChatReplyExecutor() {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        8,
        8,
        30,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(256),
        r -> {
          Thread t = new Thread(r, "wechat-reply-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * WeChat authenticates callbacks by signature, not by session: no login, no CSRF token. Ignored
   * by the security filter chain (rather than a chain of our own) so Boot's default chain and the
   * console's chain stay in force for everything else.
   */
  @Bean
  WebSecurityCustomizer weChatPortalIsSignedNotLoggedIn() {
    return web -> web.ignoring().requestMatchers("/wx/portal/**");
  }
}
