package org.xinqiao.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.xinqiao.deployment.AccountSetting;

class SimulatorEnabledTest {

  static final String REAL_AES_KEY = "Rz1x8Qm4Kp2Lw7Vb5Nc3Hd6Jf9Gt0Ys8Ua4Ie2Oq7Xk";

  @Test
  void runsWithTheEmbeddedFakeAccount() {
    assertThat(SimulatorEnabled.decide(simulatorAccount()).isMatch()).isTrue();
  }

  @Test
  void staysOffWithARealWeChatAccount() {
    assertThat(SimulatorEnabled.decide(realAccount()).isMatch()).isFalse();
    MockEnvironment foreignApi = simulatorAccount();
    foreignApi.setProperty("xinqiao.wechat.api-base-url", "http://evil.example/sim/wxapi");
    assertThat(SimulatorEnabled.decide(foreignApi).isMatch()).isFalse();
  }

  @Test
  void runsWithARealAccountOnlyWhenAnAdminAllowsIt() {
    MockEnvironment env = realAccount();
    env.setProperty("xinqiao.simulator.allow-with-real-account", "true");

    assertThat(SimulatorEnabled.decide(env).isMatch()).isTrue();
    assertThat(SimulatorEnabled.besideRealAccount(env)).isTrue();
  }

  @Test
  void neverRunsWhenAnyWeChatSettingIsRealAndAnotherIsStillTheSimulators() {
    for (AccountSetting real : AccountSetting.values()) {
      MockEnvironment env = simulatorAccount();
      env.setProperty(real.key(), realAccount().getProperty(real.key()));
      env.setProperty("xinqiao.simulator.allow-with-real-account", "true");

      assertThat(SimulatorEnabled.decide(env).isMatch()).as(real.key()).isFalse();
    }
  }

  @Test
  void staysOffWhenNotEnabled() {
    MockEnvironment env = simulatorAccount();
    env.setProperty("xinqiao.simulator.enabled", "false");

    assertThat(SimulatorEnabled.decide(env).isMatch()).isFalse();
  }

  static MockEnvironment simulatorAccount() {
    return new MockEnvironment()
        .withProperty("xinqiao.simulator.enabled", "true")
        .withProperty("xinqiao.wechat.app-id", "wxsimulator0000001")
        .withProperty("xinqiao.wechat.token", "xinqiao-simulator-token")
        .withProperty("xinqiao.wechat.aes-key", "S9rIgCqIzqClZfbowFUBI683hHh5fxKxnYZUB0CxdLg")
        .withProperty("xinqiao.wechat.secret", "simulator-secret")
        .withProperty("xinqiao.wechat.api-base-url", "http://localhost:8080/sim/wxapi");
  }

  static MockEnvironment realAccount() {
    return new MockEnvironment()
        .withProperty("xinqiao.simulator.enabled", "true")
        .withProperty("xinqiao.wechat.app-id", "wx5c0a9e1f3b7d2468")
        .withProperty("xinqiao.wechat.token", "school-chosen-token")
        .withProperty("xinqiao.wechat.aes-key", REAL_AES_KEY)
        .withProperty("xinqiao.wechat.secret", "0123456789abcdef0123456789abcdef")
        .withProperty("xinqiao.wechat.api-base-url", "https://api.weixin.qq.com");
  }
}
