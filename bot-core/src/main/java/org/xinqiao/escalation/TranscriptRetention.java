package org.xinqiao.escalation;

import java.sql.Timestamp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.store.RetentionProperties;
import org.xinqiao.store.RetentionPurges;
import org.xinqiao.store.RetentionRule;

/**
 * The conversation copied into an escalation is deleted {@code
 * xinqiao.retention.escalation-transcripts} after the escalation was closed; an open escalation
 * keeps it. The escalation row itself (who, when, outcome, no message text) stays.
 */
@Configuration(proxyBeanMethods = false)
class TranscriptRetention {

  @Bean
  RetentionRule escalationTranscriptRetention(JdbcClient jdbc, RetentionProperties properties) {
    return RetentionPurges.rule(
        "escalation_transcript",
        properties.escalationTranscripts(),
        cutoff ->
            jdbc.sql(
                    "delete from escalation_transcript where escalation_id in (select id from"
                        + " escalation where closed_at is not null and closed_at < ?)")
                .param(Timestamp.from(cutoff))
                .update());
  }
}
