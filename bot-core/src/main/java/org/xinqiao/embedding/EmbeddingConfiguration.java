package org.xinqiao.embedding;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinqiao.semantic.TextEmbedder;

/**
 * The one text embedder of the application (bundled bge-small-zh), shared by the knowledge base and
 * the safety screen so that each message is embedded once. It is the process-wide instance, so a
 * second application context in the same JVM (tests start several) neither loads the model again
 * nor closes it.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

  @Bean(destroyMethod = "")
  TextEmbedder textEmbedder() {
    return TextEmbedder.shared();
  }
}
