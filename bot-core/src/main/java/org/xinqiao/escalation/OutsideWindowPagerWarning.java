package org.xinqiao.escalation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.xinqiao.deployment.AccountMode;

/**
 * With a real account, says at start-up when every pager is a WeChat customer-service message: that
 * only reaches a counselor who wrote to the account in the last 48 hours, so a page at night or on
 * a Monday morning may reach nobody.
 */
@Component
class OutsideWindowPagerWarning {

  private static final Logger log = LoggerFactory.getLogger(OutsideWindowPagerWarning.class);

  private final PagerConfiguration.Pagers pagers;
  private final Environment env;

  OutsideWindowPagerWarning(PagerConfiguration.Pagers pagers, Environment env) {
    this.pagers = pagers;
    this.env = env;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnIfOnlyCustomerService() {
    boolean reachesOutsideWindow =
        pagers.all().stream().anyMatch(p -> !"simulator".equals(p.channel()));
    if (!reachesOutsideWindow && !AccountMode.isSimulator(env)) {
      log.warn(
          "Not configured: no pager reaches counselors outside WeChat's 48-hour window; enable"
              + " xinqiao.escalation.pagers.wecom-app, .wecom-robot, .email or .wechat-template");
    }
  }
}
