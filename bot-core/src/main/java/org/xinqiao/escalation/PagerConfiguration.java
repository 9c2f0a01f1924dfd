package org.xinqiao.escalation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.client.RestClient;
import org.xinqiao.channels.MessageSender;
import org.xinqiao.people.People;

/**
 * The page channels that are switched on. Start-up fails with a clear message when none is, or when
 * one is switched on without what it needs: a bot that cannot page must not run.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EscalationProperties.class)
class PagerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PagerConfiguration.class);

  @Bean
  Pagers pagers(
      EscalationProperties properties,
      People people,
      ObjectProvider<MessageSender> sender,
      ObjectProvider<JavaMailSender> mail,
      ObjectProvider<CounselorNotices> notices,
      ObjectProvider<RestClient.Builder> http,
      Clock clock) {
    EscalationProperties.Pagers p = properties.pagers();
    List<Pager> on = new ArrayList<>();
    if (p.simulatorOn()) {
      on.add(new SimulatorPager(people, sender));
    }
    if (p.wecomApp().enabled()) {
      EscalationProperties.WeComApp w = p.wecomApp();
      require(
          w.corpId() != null && w.secret() != null && w.agentId() != null,
          "wecom-app",
          "corp-id, secret and agent-id");
      on.add(new WeComAppPager(w, builder(http), clock));
    }
    if (p.wecomRobot().enabled()) {
      require(p.wecomRobot().key() != null, "wecom-robot", "key");
      on.add(new WeComRobotPager(p.wecomRobot(), builder(http)));
    }
    if (p.email().enabled()) {
      JavaMailSender sender0 = mail.getIfAvailable();
      require(sender0 != null, "email", "spring.mail.host (the SMTP server)");
      on.add(new EmailPager(sender0, p.email().from()));
    }
    if (p.wechatTemplate().enabled()) {
      CounselorNotices n = notices.getIfAvailable();
      require(
          n != null && p.wechatTemplate().templateId() != null,
          "wechat-template",
          "template-id and a WeChat template-message client");
      on.add(new TemplatePager(n, people, p.wechatTemplate()));
    }
    if (on.isEmpty()) {
      throw new IllegalStateException(
          "xinqiao.escalation.pagers: no pager channel is enabled, so nobody would hear about a"
              + " child in danger. Enable at least one of simulator, wecom-app, wecom-robot, email,"
              + " wechat-template.");
    }
    log.info("Escalation pagers: {}", on.stream().map(Pager::channel).toList());
    return new Pagers(List.copyOf(on));
  }

  private static RestClient.Builder builder(ObjectProvider<RestClient.Builder> http) {
    return http.getIfAvailable(RestClient::builder).clone();
  }

  private static void require(boolean ok, String channel, String what) {
    if (!ok) {
      throw new IllegalStateException(
          "xinqiao.escalation.pagers." + channel + " is enabled but lacks " + what);
    }
  }

  /** The enabled channels, in configuration order. */
  record Pagers(List<Pager> all) {
    Pager byChannel(String channel) {
      return all.stream()
          .filter(p -> p.channel().equals(channel))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("pager " + channel + " is not enabled"));
    }
  }
}
