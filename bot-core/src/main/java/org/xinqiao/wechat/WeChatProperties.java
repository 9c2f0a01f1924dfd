package org.xinqiao.wechat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.xinqiao.deployment.AccountMode;
import org.xinqiao.deployment.AccountSetting;

/**
 * The WeChat official account ({@code xinqiao.wechat.*}).
 *
 * @param appId the account's app id; callbacks arrive at /wx/portal/{appId}
 * @param token the callback token
 * @param aesKey the 43-character EncodingAESKey (safe mode), or empty for plaintext only
 * @param previousAesKey the key before the last rotation, still accepted while WeChat switches
 * @param secret the app secret (access tokens)
 * @param apiBaseUrl the WeChat API host; the simulator's fake API by default
 * @param timestampSkew how far a callback's timestamp may be from our clock (default 300 s)
 * @param replyTimeout how long a callback waits for the pipeline before answering "success" and
 *     sending the reply later as a customer-service message (default 4 s; WeChat waits 5 s)
 * @param allowPlaintext whether unencrypted callbacks are accepted when an aesKey is set; null
 *     (unset) means true for the simulator's account and false for a real one, because a plaintext
 *     body is not covered by the signature
 * @param createMenu whether the custom menu is (re)created through the API at start-up (default
 *     true)
 */
@Validated
@ConfigurationProperties("xinqiao.wechat")
record WeChatProperties(
    @NotBlank String appId,
    @NotBlank String token,
    @Pattern(regexp = "^$|^[A-Za-z0-9]{43}$") String aesKey,
    @Pattern(regexp = "^$|^[A-Za-z0-9]{43}$") String previousAesKey,
    @NotBlank String secret,
    String apiBaseUrl,
    Duration timestampSkew,
    Duration replyTimeout,
    Boolean allowPlaintext,
    Boolean createMenu) {

  WeChatProperties {
    aesKey = aesKey == null ? "" : aesKey;
    previousAesKey = previousAesKey == null ? "" : previousAesKey;
    timestampSkew = timestampSkew == null ? Duration.ofSeconds(300) : timestampSkew;
    replyTimeout = replyTimeout == null ? Duration.ofSeconds(4) : replyTimeout;
    createMenu = createMenu == null ? Boolean.TRUE : createMenu;
  }

  /** The five settings that name the account, for {@link AccountMode}. */
  Map<AccountSetting, String> accountSettings() {
    Map<AccountSetting, String> values = new EnumMap<>(AccountSetting.class);
    values.put(AccountSetting.APP_ID, appId);
    values.put(AccountSetting.TOKEN, token);
    values.put(AccountSetting.AES_KEY, aesKey);
    values.put(AccountSetting.SECRET, secret);
    values.put(AccountSetting.API_BASE_URL, apiBaseUrl == null ? "" : apiBaseUrl);
    return values;
  }

  /** Whether plaintext callbacks are accepted: as configured, else only for the simulator. */
  boolean acceptsPlaintext() {
    return allowPlaintext != null
        ? allowPlaintext
        : AccountMode.plaintextByDefault(accountSettings());
  }

  @Override
  public String toString() {
    return "WeChatProperties[appId=%s, token=***, aesKey=%s, previousAesKey=%s, secret=***, apiBaseUrl=%s, timestampSkew=%s, replyTimeout=%s, allowPlaintext=%s]"
        .formatted(
            appId,
            aesKey.isEmpty() ? "none" : "***",
            previousAesKey.isEmpty() ? "none" : "***",
            apiBaseUrl,
            timestampSkew,
            replyTimeout,
            acceptsPlaintext());
  }
}
