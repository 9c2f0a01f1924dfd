package org.xinqiao.simulator;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.xinqiao.channels.simulator.SimulatedAccount;
import org.xinqiao.channels.simulator.SimulatedWeChatServer;

/** Wires the simulator when {@link SimulatorEnabled} allows it; nothing of it exists otherwise. */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorEnabled.class)
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulatorConfiguration {

  private final Clock clock = Clock.systemUTC();

  @Bean
  FakeAccount simulatorAccount(Environment env) {
    return FakeAccount.from(env);
  }

  @Bean
  SimulatedWeChatServer simulatedWeChatServer(FakeAccount account, SimulatorProperties props) {
    return new SimulatedWeChatServer(
        new SimulatedAccount(
            account.appId(), props.originalId(), account.token(), account.aesKey()),
        clock);
  }

  @Bean
  ApiJournal simulatorJournal(SimulatorProperties props) {
    return new ApiJournal(clock, props.journalSize());
  }

  @Bean
  FakeTokens simulatorTokens() {
    return new FakeTokens(clock);
  }

  @Bean
  FakeApiAccess simulatorApiAccess(FakeTokens tokens, ApiJournal journal) {
    return new FakeApiAccess(tokens, journal);
  }

  @Bean
  Personas simulatorPersonas() {
    return new Personas();
  }

  @Bean
  Followers simulatorFollowers() {
    Followers followers = new Followers();
    // the fixed personas have followed the account long ago
    Personas.FIXED.forEach(p -> followers.follow(p.openid()));
    return followers;
  }

  @Bean
  CustomerServiceWindow simulatorCustomerServiceWindow() {
    return new CustomerServiceWindow(clock);
  }

  @Bean
  FakeContent simulatorContent() {
    return new FakeContent();
  }

  @Bean
  MassSends simulatorMassSends() {
    return new MassSends(clock);
  }

  @Bean
  FakeMenu simulatorMenu() {
    return new FakeMenu();
  }

  @Bean
  LocalServer simulatorLocalServer(Environment env) {
    return new LocalServer(env);
  }

  @Bean
  PortalClient simulatorPortalClient(LocalServer server, FakeAccount account) {
    return new PortalClient(server, account.appId());
  }
}
