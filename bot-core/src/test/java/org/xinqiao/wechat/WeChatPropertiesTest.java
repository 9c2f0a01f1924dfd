package org.xinqiao.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WeChatPropertiesTest {

  static WeChatProperties account(
      String appId, String token, String aesKey, String secret, String api, Boolean plaintext) {
    return new WeChatProperties(appId, token, aesKey, "", secret, api, null, null, plaintext, null);
  }

  static WeChatProperties simulator(Boolean plaintext) {
    return account(
        "wxsimulator0000001",
        "xinqiao-simulator-token",
        "S9rIgCqIzqClZfbowFUBI683hHh5fxKxnYZUB0CxdLg",
        "simulator-secret",
        "http://localhost:8080/sim/wxapi",
        plaintext);
  }

  static WeChatProperties real(Boolean plaintext) {
    return account(
        "wx5c0a9e1f3b7d2468",
        "school-chosen-token",
        "Rz1x8Qm4Kp2Lw7Vb5Nc3Hd6Jf9Gt0Ys8Ua4Ie2Oq7Xk",
        "0123456789abcdef0123456789abcdef",
        "https://api.weixin.qq.com",
        plaintext);
  }

  @Test
  void aRealAccountRefusesPlaintextCallbacksUnlessTheOperatorAllowsThem() {
    assertThat(real(null).acceptsPlaintext()).isFalse();
    assertThat(real(true).acceptsPlaintext()).isTrue();
  }

  @Test
  void theSimulatorsAccountAcceptsPlaintextUnlessTurnedOff() {
    assertThat(simulator(null).acceptsPlaintext()).isTrue();
    assertThat(simulator(false).acceptsPlaintext()).isFalse();
  }

  @Test
  void neverPrintsTheTokenOrSecret() {
    assertThat(real(null).toString())
        .doesNotContain("school-chosen-token")
        .doesNotContain("0123456789abcdef0123456789abcdef")
        .contains("allowPlaintext=false");
  }
}
