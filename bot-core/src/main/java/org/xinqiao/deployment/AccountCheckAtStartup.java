package org.xinqiao.deployment;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Checks the WeChat settings as soon as the configuration is read, before any database or server
 * starts, so a mixed account stops the jar at once with Spring Boot's short failure report.
 * Registered in META-INF/spring.factories (it runs before the context exists).
 */
class AccountCheckAtStartup implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    Environment env = event.getEnvironment();
    AccountMode.requireCoherent(
        AccountMode.settings(env),
        env.getProperty("xinqiao.wechat.allow-plaintext", Boolean.class));
  }
}
