package org.xinqiao.simulator;

import org.springframework.core.env.Environment;

/**
 * The WeChat account settings ({@code xinqiao.wechat.*}) as the simulator needs them: it signs
 * callbacks with the token and key, and its fake API accepts only this app id and secret.
 */
record FakeAccount(String appId, String token, String aesKey, String secret, String apiBaseUrl) {

  static FakeAccount from(Environment env) {
    return new FakeAccount(
        env.getProperty("xinqiao.wechat.app-id", ""),
        env.getProperty("xinqiao.wechat.token", ""),
        env.getProperty("xinqiao.wechat.aes-key", ""),
        env.getProperty("xinqiao.wechat.secret", ""),
        env.getProperty("xinqiao.wechat.api-base-url", ""));
  }

  @Override
  public String toString() {
    return "FakeAccount[appId=" + appId + ", apiBaseUrl=" + apiBaseUrl + "]";
  }
}
