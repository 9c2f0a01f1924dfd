package org.xinqiao.deployment;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The five WeChat settings that together name an account, with the simulator's public values (the
 * embedded defaults in application.yml). They are in the repository, so a real account must replace
 * every one of them.
 */
public enum AccountSetting {
  APP_ID("app-id", "wxsimulator0000001", "the service account's AppID"),
  TOKEN("token", "xinqiao-simulator-token", "the callback Token chosen in 基本配置"),
  AES_KEY(
      "aes-key",
      "S9rIgCqIzqClZfbowFUBI683hHh5fxKxnYZUB0CxdLg",
      "the EncodingAESKey chosen in 基本配置"),
  SECRET("secret", "simulator-secret", "the AppSecret"),
  API_BASE_URL("api-base-url", null, "https://api.weixin.qq.com");

  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final String name;
  private final String simulatorValue;
  private final String realValue;

  AccountSetting(String name, String simulatorValue, String realValue) {
    this.name = name;
    this.simulatorValue = simulatorValue;
    this.realValue = realValue;
  }

  /** The property key, e.g. {@code xinqiao.wechat.app-id}. */
  public String key() {
    return "xinqiao.wechat." + name;
  }

  /** The environment variable an operator sets, e.g. {@code XINQIAO_WECHAT_APP_ID}. */
  public String envVar() {
    return key().replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** What a real account puts here, for error messages. */
  String realValue() {
    return realValue;
  }

  /** Whether this value is the simulator's own (for the API: its fake API on this machine). */
  public boolean isSimulatorValue(String value) {
    String v = value == null ? "" : value.strip();
    return this == API_BASE_URL ? pointsAtSimulator(v) : simulatorValue.equals(v);
  }

  /** True for http://localhost[:port]/.../sim/wxapi, the fake API the simulator serves. */
  static boolean pointsAtSimulator(String apiBaseUrl) {
    try {
      URI uri = URI.create(apiBaseUrl.strip());
      String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
      return "http".equals(uri.getScheme())
          && uri.getHost() != null
          && LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))
          && path.endsWith("/sim/wxapi");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
