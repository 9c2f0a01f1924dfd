package org.xinqiao.embedding;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinqiao.semantic.TextEmbedder;

/**
 * The one text embedder of the application (bundled bge-small-zh), shared by the knowledge base and
 * the safety screen so that each message is embedded once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddingProperties.class)
class EmbeddingConfiguration {

  @Bean(destroyMethod = "close")
  TextEmbedder textEmbedder(EmbeddingProperties properties) {
    return TextEmbedder.loadBundled(properties.cacheSize());
  }
}
