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

  /**
   * One model per JVM, however many application contexts (tests start several): the ONNX session is
   * thread-safe and holds 130+ MB, so it is never closed with a context.
   */
  @Bean(destroyMethod = "")
  TextEmbedder textEmbedder() {
    return SharedEmbedder.get();
  }

  @Bean
  RiskAssessor riskAssessor(TextEmbedder embedder) {
    return RiskAssessor.fromClasspath(embedder);
  }
}
