package org.xinqiao.safety;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinqiao.semantic.TextEmbedder;

/**
 * Exposes the risk assessor; a broken data or model file fails start-up with the file and line. The
 * embedder is one per application: the knowledge base asks it for the same message, and its cache
 * answers the second caller.
 */
@Configuration(proxyBeanMethods = false)
class SafetyConfiguration {

  @Bean
  RiskAssessor riskAssessor(TextEmbedder embedder) {
    return RiskAssessor.fromClasspath(embedder);
  }
}
