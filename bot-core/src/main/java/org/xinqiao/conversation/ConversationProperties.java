package org.xinqiao.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param messageRetention how long message bodies are kept before the daily purge deletes them
 */
@ConfigurationProperties("xinqiao.conversation")
public record ConversationProperties(@DefaultValue("180d") Duration messageRetention) {}
