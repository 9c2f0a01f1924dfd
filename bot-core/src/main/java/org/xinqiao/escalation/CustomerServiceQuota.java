package org.xinqiao.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * WeChat lets an account send a person 5 customer-service messages within 48 h after that person's
 * last message (WECHAT.md). This counts what this feature sent since the person last wrote ({@code
 * person.last_inbound_at}, which the pipeline keeps), so a reply that would exceed it is queued
 * rather than refused by WeChat.
 */
@Component
class CustomerServiceQuota {

  static final int PER_WINDOW = 5;
  static final Duration WINDOW = Duration.ofHours(48);

  private final JdbcClient jdbc;
  private final Clock clock;

  CustomerServiceQuota(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Why a message cannot go now, or null when it can. */
  String blockedReason(long personId) {
    Instant lastInbound =
        jdbc.sql("select last_inbound_at from person where id = ?")
            .param(personId)
            .query((rs, i) -> rs.getObject(1, OffsetDateTime.class))
            .optional()
            .map(OffsetDateTime::toInstant)
            .orElse(null);
    if (lastInbound == null || clock.instant().isAfter(lastInbound.plus(WINDOW))) {
      return "对方超过48小时未发消息，微信不允许主动发送；对方下次发消息后自动发出";
    }
    long sent =
        jdbc.sql("select count(*) from customer_service_send where person_id = ? and sent_at > ?")
            .params(personId, EscalationRepository.ts(lastInbound))
            .query(Long.class)
            .single();
    if (sent >= PER_WINDOW) {
      return "已用完微信规定的5条（对方每发一条消息后48小时内最多5条）；对方下次发消息后自动发出";
    }
    return null;
  }

  void recordSent(long personId) {
    jdbc.sql("insert into customer_service_send (person_id, sent_at) values (?, ?)")
        .params(personId, EscalationRepository.ts(clock.instant()))
        .update();
  }
}
