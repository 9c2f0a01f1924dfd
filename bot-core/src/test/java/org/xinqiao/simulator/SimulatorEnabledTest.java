package org.xinqiao.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SimulatorEnabledTest {

  @Test
  void runsWithTheEmbeddedFakeAccount() {
    MockEnvironment env = env("http://localhost:8080/sim/wxapi");

    assertThat(SimulatorEnabled.decide(env).isMatch()).isTrue();
  }

  @Test
  void staysOffWithARealWeChatAccount() {
    assertThat(SimulatorEnabled.decide(env("https://api.weixin.qq.com")).isMatch()).isFalse();
    assertThat(SimulatorEnabled.decide(env("http://evil.example/sim/wxapi")).isMatch()).isFalse();
  }

  @Test
  void runsWithARealAccountOnlyWhenAnAdminAllowsIt() {
    MockEnvironment env = env("https://api.weixin.qq.com");
    env.setProperty("xinqiao.simulator.allow-with-real-account", "true");

    assertThat(SimulatorEnabled.decide(env).isMatch()).isTrue();
  }

  @Test
  void staysOffWhenNotEnabled() {
    MockEnvironment env = env("http://localhost:8080/sim/wxapi");
    env.setProperty("xinqiao.simulator.enabled", "false");

    assertThat(SimulatorEnabled.decide(env).isMatch()).isFalse();
  }

  private static MockEnvironment env(String apiBaseUrl) {
    return new MockEnvironment()
        .withProperty("xinqiao.simulator.enabled", "true")
        .withProperty("xinqiao.wechat.api-base-url", apiBaseUrl);
  }
}
