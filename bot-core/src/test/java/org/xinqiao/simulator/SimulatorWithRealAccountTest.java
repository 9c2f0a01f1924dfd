package org.xinqiao.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.xinqiao.channels.simulator.SimulatedWeChatServer;

/** With a real WeChat API configured, the simulator does not exist unless an admin allows it. */
class SimulatorWithRealAccountTest {

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withUserConfiguration(
              SimulatorConfiguration.class,
              SimulatorApi.class,
              FakeAccountApi.class,
              FakeMessagingApi.class,
              FakeTagsApi.class,
              FakeImages.class)
          .withPropertyValues(
              "xinqiao.simulator.enabled=true",
              "xinqiao.wechat.app-id=wxreal",
              "xinqiao.wechat.token=t",
              "xinqiao.wechat.aes-key=S9rIgCqIzqClZfbowFUBI683hHh5fxKxnYZUB0CxdLg");

  @Test
  void refusesToStartTheSimulatorOrItsFakeApiForARealAccount() {
    runner
        .withPropertyValues("xinqiao.wechat.api-base-url=https://api.weixin.qq.com")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(SimulatorApi.class);
              assertThat(context).doesNotHaveBean(FakeMessagingApi.class);
              assertThat(context).doesNotHaveBean(FakeAccountApi.class);
              assertThat(context).doesNotHaveBean(FakeTagsApi.class);
              assertThat(context).doesNotHaveBean(FakeImages.class);
              assertThat(context).doesNotHaveBean(SimulatedWeChatServer.class);
            });
  }

  @Test
  void startsForTheEmbeddedFakeAccount() {
    runner
        .withPropertyValues("xinqiao.wechat.api-base-url=http://localhost:8080/sim/wxapi")
        .run(
            context -> {
              assertThat(context).hasSingleBean(SimulatorApi.class);
              assertThat(context).hasSingleBean(FakeMessagingApi.class);
              assertThat(context).hasSingleBean(SimulatedWeChatServer.class);
            });
  }

  @Test
  void startsBesideARealAccountOnlyWhenAllowed() {
    runner
        .withPropertyValues(
            "xinqiao.wechat.api-base-url=https://api.weixin.qq.com",
            "xinqiao.simulator.allow-with-real-account=true")
        .run(context -> assertThat(context).hasSingleBean(SimulatorApi.class));
  }
}
