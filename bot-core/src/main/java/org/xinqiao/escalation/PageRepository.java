package org.xinqiao.escalation;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What became of each page (escalation_page): shown in the console so a failing channel shows. */
@Repository
class PageRepository {

  /** One page's state, for the console. */
  record Page(
      int step,
      String channel,
      String recipient,
      String status,
      int attempts,
      String lastError,
      Instant updatedAt) {}

  private final JdbcClient jdbc;

  PageRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean insertIfAbsent(PageOrder o, Instant now) {
    boolean exists =
        jdbc.sql(
                    "select count(*) from escalation_page where escalation_id = ? and step = ?"
                        + " and channel = ? and recipient = ?")
                .params(o.escalationId(), o.step(), o.channel(), o.recipient())
                .query(Long.class)
                .single()
            > 0;
    if (exists) {
      return false;
    }
    jdbc.sql(
            "insert into escalation_page (escalation_id, step, channel, recipient, status,"
                + " attempts, created_at, updated_at) values (?, ?, ?, ?, 'PENDING', 0, ?, ?)")
        .params(
            o.escalationId(),
            o.step(),
            o.channel(),
            o.recipient(),
            EscalationRepository.ts(now),
            EscalationRepository.ts(now))
        .update();
    return true;
  }

  /** A final state (SENT, SKIPPED): an error from an earlier attempt no longer applies. */
  void finish(PageOrder o, String status, Instant now) {
    update(o, status, null, now);
  }

  void fail(PageOrder o, String reason, Instant now) {
    String bounded =
        reason == null ? null : reason.length() > 300 ? reason.substring(0, 300) : reason;
    update(o, "FAILING", bounded, now);
  }

  private void update(PageOrder o, String status, String error, Instant now) {
    jdbc.sql(
            "update escalation_page set status = ?, attempts = attempts + 1,"
                + " last_error = ?, updated_at = ?"
                + " where escalation_id = ? and step = ? and channel = ? and recipient = ?")
        .params(
            status,
            error,
            EscalationRepository.ts(now),
            o.escalationId(),
            o.step(),
            o.channel(),
            o.recipient())
        .update();
  }

  /** The highest step paged so far for an escalation, or -1. */
  int lastStep(long escalationId) {
    return jdbc.sql("select coalesce(max(step), -1) from escalation_page where escalation_id = ?")
        .param(escalationId)
        .query(Integer.class)
        .single();
  }

  List<Page> of(long escalationId) {
    return jdbc.sql(
            "select step, channel, recipient, status, attempts, last_error, updated_at"
                + " from escalation_page where escalation_id = ? order by step, id")
        .param(escalationId)
        .query(
            (rs, i) ->
                new Page(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getString(6),
                    EscalationRepository.instant(rs, "updated_at")))
        .list();
  }
}
