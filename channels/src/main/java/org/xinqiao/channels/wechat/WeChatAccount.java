package org.xinqiao.channels.wechat;

import java.util.Objects;

/**
 * Settings of one WeChat official account.
 *
 * @param appId the account's app id (wx...)
 * @param token the callback token used for signatures
 * @param aesKey the 43-character EncodingAESKey, or null for a plaintext-only account
 * @param previousAesKey the key before the last rotation, or null; still accepted for decryption
 * @param secret the app secret used to fetch access tokens
 * @param apiBaseUrl where the WeChat API lives (https://api.weixin.qq.com, or a fake in tests)
 */
public record WeChatAccount(
    String appId,
    String token,
    String aesKey,
    String previousAesKey,
    String secret,
    String apiBaseUrl) {

  public static final String DEFAULT_API_BASE_URL = "https://api.weixin.qq.com";

  public WeChatAccount {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(token, "token");
    aesKey = blankToNull(aesKey);
    previousAesKey = blankToNull(previousAesKey);
    apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API_BASE_URL : apiBaseUrl;
    // WxJava concatenates paths onto the host: a trailing slash would give "//cgi-bin".
    while (apiBaseUrl.endsWith("/")) {
      apiBaseUrl = apiBaseUrl.substring(0, apiBaseUrl.length() - 1);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Secrets stay out of logs and exception messages. */
  @Override
  public String toString() {
    return "WeChatAccount[appId=%s, token=***, aesKey=%s, previousAesKey=%s, secret=***, apiBaseUrl=%s]"
        .formatted(
            appId,
            aesKey == null ? "none" : "***",
            previousAesKey == null ? "none" : "***",
            apiBaseUrl);
  }
}
