package org.xinqiao.wechat;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.xinqiao.channels.wechat.AccessTokenStore;
import org.xinqiao.channels.wechat.WeChatAccount;
import org.xinqiao.channels.wechat.WeChatApiClient;
import org.xinqiao.channels.wechat.WeChatCallbackCodec;
import org.xinqiao.deployment.AccountMode;
import org.xinqiao.store.SharedState;

/** Wires the WeChat adapter: account, callback codec, API client and token store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeChatProperties.class)
class WeChatConfiguration {

  /**
   * WxJava logs the request URL (with the access token) and body (message text, openids) at WARN
   * when an API call fails, and at DEBUG always. Quiet it to ERROR unless an operator chose a
   * level.
   */
  WeChatConfiguration(Environment environment, ObjectProvider<LoggingSystem> logging) {
    if (!environment.containsProperty("logging.level.me.chanjar.weixin")) {
      logging.ifAvailable(l -> l.setLogLevel("me.chanjar.weixin", LogLevel.ERROR));
    }
  }

  /**
   * Refuses to start on a mix of a real account and the simulator's public values (they are in the
   * repository): see {@link AccountMode#requireCoherent}.
   */
  @Bean
  WeChatAccount weChatAccount(WeChatProperties p) {
    AccountMode.requireCoherent(p.accountSettings(), p.allowPlaintext());
    return new WeChatAccount(
        p.appId(), p.token(), p.aesKey(), p.previousAesKey(), p.secret(), p.apiBaseUrl());
  }

  @Bean
  WeChatCallbackCodec weChatCallbackCodec(
      WeChatAccount account, WeChatProperties p, ObjectProvider<Clock> clock) {
    return new WeChatCallbackCodec(
        account, p.timestampSkew(), clock.getIfAvailable(Clock::systemUTC), p.acceptsPlaintext());
  }

  @Bean
  AccessTokenStore weChatAccessTokenStore(SharedState state) {
    return new SharedStateTokenStore(state);
  }

  /**
   * Also the {@link org.xinqiao.channels.MessageSender} for customer-service messages, qualified
   * {@code wechat} so other channels' senders can live beside it.
   */
  @Bean
  @Qualifier("wechat")
  WeChatApiClient weChatApiClient(WeChatAccount account, AccessTokenStore tokens) {
    return new WeChatApiClient(account, tokens);
  }
}
