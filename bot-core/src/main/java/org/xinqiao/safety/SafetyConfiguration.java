package org.xinqiao.safety;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Exposes the risk assessor; a broken data file fails start-up with the file and line. */
@Configuration(proxyBeanMethods = false)
class SafetyConfiguration {

  @Bean
  RiskAssessor riskAssessor() {
    return RiskAssessor.fromClasspath();
  }
}
