package org.xinqiao.embedding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cacheSize texts whose vectors are kept: the knowledge base's entries and examples (about
 *     1,000) plus recent messages, so a content reload embeds only what changed
 */
@ConfigurationProperties("xinqiao.embedding")
record EmbeddingProperties(@DefaultValue("10000") long cacheSize) {}
