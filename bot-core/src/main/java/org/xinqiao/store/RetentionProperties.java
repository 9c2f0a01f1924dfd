package org.xinqiao.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention periods ({@code xinqiao.retention.*}) for tables whose feature has no setting of its
 * own (message bodies keep {@code xinqiao.conversation.message-retention}).
 *
 * @param unansweredQuestions unanswered questions ({@code kb_gap})
 * @param escalationTranscripts the conversation copied into a closed escalation, counted from its
 *     closing
 * @param auditLog audit lines
 */
@ConfigurationProperties("xinqiao.retention")
public record RetentionProperties(
    @DefaultValue("365d") Duration unansweredQuestions,
    @DefaultValue("1095d") Duration escalationTranscripts,
    @DefaultValue("1095d") Duration auditLog) {}
