package org.xinqiao.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class AccountModeTest {

  static Map<AccountSetting, String> simulator() {
    Map<AccountSetting, String> v = new EnumMap<>(AccountSetting.class);
    v.put(AccountSetting.APP_ID, "wxsimulator0000001");
    v.put(AccountSetting.TOKEN, "xinqiao-simulator-token");
    v.put(AccountSetting.AES_KEY, "S9rIgCqIzqClZfbowFUBI683hHh5fxKxnYZUB0CxdLg");
    v.put(AccountSetting.SECRET, "simulator-secret");
    v.put(AccountSetting.API_BASE_URL, "http://localhost:8080/sim/wxapi");
    return v;
  }

  static Map<AccountSetting, String> real() {
    Map<AccountSetting, String> v = new EnumMap<>(AccountSetting.class);
    v.put(AccountSetting.APP_ID, "wx5c0a9e1f3b7d2468");
    v.put(AccountSetting.TOKEN, "school-chosen-token");
    v.put(AccountSetting.AES_KEY, "Rz1x8Qm4Kp2Lw7Vb5Nc3Hd6Jf9Gt0Ys8Ua4Ie2Oq7Xk");
    v.put(AccountSetting.SECRET, "0123456789abcdef0123456789abcdef");
    v.put(AccountSetting.API_BASE_URL, "https://api.weixin.qq.com");
    return v;
  }

  @Test
  void theSimulatorsOwnAccountAndACompleteRealAccountBothStart() {
    assertThatCode(() -> AccountMode.requireCoherent(simulator(), null)).doesNotThrowAnyException();
    assertThatCode(() -> AccountMode.requireCoherent(real(), null)).doesNotThrowAnyException();
    assertThat(AccountMode.isSimulator(simulator())).isTrue();
    assertThat(AccountMode.isSimulator(real())).isFalse();
  }

  @Test
  void aRealAppIdWithTheSimulatorsDefaultsLeftRefusesNamingEachSettingLeft() {
    Map<AccountSetting, String> v = simulator();
    v.put(AccountSetting.APP_ID, "wx5c0a9e1f3b7d2468");

    assertThatThrownBy(() -> AccountMode.requireCoherent(v, null))
        .isInstanceOf(AccountMisconfigured.class)
        .satisfies(
            e ->
                assertThat(((AccountMisconfigured) e).problems())
                    .hasSize(4)
                    .anySatisfy(
                        p -> assertThat(p).contains("xinqiao.wechat.token", "XINQIAO_WECHAT_TOKEN"))
                    .anySatisfy(p -> assertThat(p).contains("XINQIAO_WECHAT_AES_KEY"))
                    .anySatisfy(p -> assertThat(p).contains("XINQIAO_WECHAT_SECRET"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("XINQIAO_WECHAT_API_BASE_URL", "api.weixin.qq.com")));
  }

  @Test
  void theRealApiWithTheRepositorysTokenKeyAndSecretRefuses() {
    Map<AccountSetting, String> v = real();
    v.put(AccountSetting.TOKEN, simulator().get(AccountSetting.TOKEN));
    v.put(AccountSetting.AES_KEY, simulator().get(AccountSetting.AES_KEY));
    v.put(AccountSetting.SECRET, simulator().get(AccountSetting.SECRET));

    assertThatThrownBy(() -> AccountMode.requireCoherent(v, null))
        .isInstanceOf(AccountMisconfigured.class)
        .hasMessageContaining("XINQIAO_WECHAT_TOKEN")
        .hasMessageContaining("XINQIAO_WECHAT_AES_KEY")
        .hasMessageContaining("XINQIAO_WECHAT_SECRET")
        .hasMessageNotContaining(simulator().get(AccountSetting.SECRET))
        .hasMessageNotContaining("XINQIAO_WECHAT_APP_ID");
  }

  @Test
  void aRealAccountWithoutAnAesKeyStartsOnlyWhenPlaintextIsExplicitlyAllowed() {
    Map<AccountSetting, String> v = real();
    v.put(AccountSetting.AES_KEY, "");

    assertThatThrownBy(() -> AccountMode.requireCoherent(v, null))
        .hasMessageContaining("XINQIAO_WECHAT_AES_KEY")
        .hasMessageContaining("allow-plaintext");
    assertThatThrownBy(() -> AccountMode.requireCoherent(v, false))
        .isInstanceOf(AccountMisconfigured.class);
    assertThatCode(() -> AccountMode.requireCoherent(v, true)).doesNotThrowAnyException();
  }

  @Test
  void plaintextIsTheDefaultOnlyForTheSimulatorsAccount() {
    assertThat(AccountMode.plaintextByDefault(simulator())).isTrue();
    assertThat(AccountMode.plaintextByDefault(real())).isFalse();
  }

  @Test
  void theFailureReportListsWhatToSetAndHowToFixIt() {
    Map<AccountSetting, String> v = real();
    v.put(AccountSetting.SECRET, simulator().get(AccountSetting.SECRET));
    AccountMisconfigured refused =
        (AccountMisconfigured)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> AccountMode.requireCoherent(v, null));

    FailureAnalysis analysis =
        new AccountMisconfiguredFailureAnalyzer()
            .analyze(new IllegalStateException("bean creation failed", refused));

    assertThat(analysis.getDescription()).contains("xinqiao.wechat.secret (XINQIAO_WECHAT_SECRET)");
    assertThat(analysis.getAction()).contains("Connecting a real service account");
  }
}
