package org.xinqiao.push;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.xinqiao.deployment.AccountMode;

/** With a real account, says at start-up when no term is set: no weekly article would go out. */
@Component
class TermNotSetWarning {

  private static final Logger log = LoggerFactory.getLogger(TermNotSetWarning.class);

  private final PushProperties properties;
  private final Environment env;

  TermNotSetWarning(PushProperties properties, Environment env) {
    this.properties = properties;
    this.env = env;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnIfNoTerm() {
    if (properties.termStart() == null && !AccountMode.isSimulator(env)) {
      log.warn(
          "Not configured: xinqiao.push.term-start (XINQIAO_PUSH_TERM_START) is unset, so no"
              + " weekly article is sent and 本周文章 has nothing to show");
    }
  }
}
