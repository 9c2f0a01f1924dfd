package org.xinqiao.store;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the shared-state implementation: Redis when configured, in-process otherwise. */
@Configuration(proxyBeanMethods = false)
class SharedStateConfiguration {

  @Bean
  @ConditionalOnMissingBean(SharedState.class)
  SharedState inProcessSharedState() {
    return new InProcessSharedState();
  }
}
