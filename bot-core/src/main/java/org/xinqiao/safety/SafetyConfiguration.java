package org.xinqiao.safety;

import org.springframework.beans.factory.ObjectProvider;
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
  RiskAssessor riskAssessor(ObjectProvider<TextEmbedder> embedder) {
    // the application's embedder bean, or the process-wide one in a context without it
    return RiskAssessor.fromClasspath(embedder.getIfAvailable(TextEmbedder::shared));
  }
}
