package org.xinqiao.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.xinqiao.channels.simulator.SimulatedWeChatServer;
import org.xinqiao.people.People;

/** With a real WeChat account, the simulator does not exist unless an admin allows it. */
class SimulatorWithRealAccountTest {

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withUserConfiguration(
              SimulatorConfiguration.class,
              SimulatorApi.class,
              FakeAccountApi.class,
              FakeMessagingApi.class,
              FakeTagsApi.class,
              FakeImages.class,
              PersonaRoles.class)
          .withBean(People.class, () -> mock(People.class))
          .withPropertyValues("xinqiao.simulator.enabled=true");

  private static String[] real() {
    var env = SimulatorEnabledTest.realAccount();
    return new String[] {
      "xinqiao.wechat.app-id=" + env.getProperty("xinqiao.wechat.app-id"),
      "xinqiao.wechat.token=" + env.getProperty("xinqiao.wechat.token"),
      "xinqiao.wechat.aes-key=" + env.getProperty("xinqiao.wechat.aes-key"),
      "xinqiao.wechat.secret=" + env.getProperty("xinqiao.wechat.secret"),
      "xinqiao.wechat.api-base-url=https://api.weixin.qq.com"
    };
  }

  private static String[] simulators() {
    return new String[] {
      "xinqiao.wechat.app-id=wxsimulator0000001",
      "xinqiao.wechat.token=xinqiao-simulator-token",
      "xinqiao.wechat.aes-key=S9rIgCqIzqClZfbowFUBI683hHh5fxKxnYZUB0CxdLg",
      "xinqiao.wechat.secret=simulator-secret",
      "xinqiao.wechat.api-base-url=http://localhost:8080/sim/wxapi"
    };
  }

  @Test
  void refusesToStartTheSimulatorOrItsFakeApiForARealAccount() {
    runner
        .withPropertyValues(real())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(SimulatorApi.class);
              assertThat(context).doesNotHaveBean(FakeMessagingApi.class);
              assertThat(context).doesNotHaveBean(FakeAccountApi.class);
              assertThat(context).doesNotHaveBean(FakeTagsApi.class);
              assertThat(context).doesNotHaveBean(FakeImages.class);
              assertThat(context).doesNotHaveBean(SimulatedWeChatServer.class);
              assertThat(context).doesNotHaveBean(PersonaRoles.class);
            });
  }

  @Test
  void aRealAppIdWithTheSimulatorsApiLeftAtItsDefaultDoesNotOpenTheSimulator() {
    runner
        .withPropertyValues(simulators())
        .withPropertyValues(
            "xinqiao.wechat.app-id=wx5c0a9e1f3b7d2468",
            "xinqiao.wechat.secret=0123456789abcdef0123456789abcdef",
            "xinqiao.simulator.allow-with-real-account=true")
        .run(context -> assertThat(context).doesNotHaveBean(SimulatorApi.class));
  }

  @Test
  void startsForTheEmbeddedFakeAccount() {
    runner
        .withPropertyValues(simulators())
        .run(
            context -> {
              assertThat(context).hasSingleBean(SimulatorApi.class);
              assertThat(context).hasSingleBean(FakeMessagingApi.class);
              assertThat(context).hasSingleBean(SimulatedWeChatServer.class);
            });
  }

  @Test
  void besideARealAccountOnlyWhenAllowedAndWithoutSeedingThePersonasAsStaff() {
    runner
        .withPropertyValues(real())
        .withPropertyValues("xinqiao.simulator.allow-with-real-account=true")
        .run(
            context -> {
              assertThat(context).hasSingleBean(SimulatorApi.class);
              context.getBean(PersonaRoles.class).seed();
              verifyNoInteractions(context.getBean(People.class));
            });
  }
}
