package org.xinqiao;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole bot, so tests can move time; the school's zone is Asia/Shanghai. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Shanghai");

  @Bean
  Clock clock() {
    return Clock.system(SCHOOL_ZONE);
  }
}
