package org.xinqiao.push;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xinqiao.push.PushRun.Kind;
import org.xinqiao.push.PushRun.Status;

/** The push history: the row that is claimed before a send and records how it went. */
@Repository
class PushRuns {

  private final JdbcClient jdbc;

  PushRuns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the run; empty when a run with the same key (or term week) already exists. */
  Optional<PushRun> claim(
      String runKey,
      Kind kind,
      TermWeek termWeek,
      Audience audience,
      String articleId,
      Status status,
      Long requestedBy,
      Instant now) {
    try {
      jdbc.sql(
              "insert into push_run (run_key, kind, term_start, week, audience, article_id,"
                  + " status, client_msg_id, attempts, requested_by, created_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
          .params(
              runKey,
              kind.name(),
              termWeek == null ? null : Date.valueOf(termWeek.termStart()),
              termWeek == null ? null : termWeek.week(),
              audience.name(),
              articleId,
              status.name(),
              "xq-" + runKey,
              requestedBy,
              Timestamp.from(now))
          .update();
    } catch (DuplicateKeyException taken) {
      return Optional.empty();
    }
    return byKey(runKey);
  }

  Optional<PushRun> byKey(String runKey) {
    return jdbc.sql("select * from push_run where run_key = ?")
        .param(runKey)
        .query(PushRuns::map)
        .optional();
  }

  Optional<PushRun> byId(long id) {
    return jdbc.sql("select * from push_run where id = ?")
        .param(id)
        .query(PushRuns::map)
        .optional();
  }

  Optional<PushRun> byMsgId(String msgId) {
    return jdbc.sql("select * from push_run where msg_id = ?")
        .param(msgId)
        .query(PushRuns::map)
        .optional();
  }

  boolean exists(TermWeek termWeek, Audience audience) {
    return jdbc.sql(
                "select count(*) from push_run where term_start = ? and week = ? and audience = ?")
            .params(Date.valueOf(termWeek.termStart()), termWeek.week(), audience.name())
            .query(Long.class)
            .single()
        > 0;
  }

  List<PushRun> withStatus(Status status) {
    return jdbc.sql("select * from push_run where status = ? order by id")
        .param(status.name())
        .query(PushRuns::map)
        .list();
  }

  List<PushRun> recent(int limit) {
    return jdbc.sql("select * from push_run order by created_at desc, id desc limit ?")
        .param(limit)
        .query(PushRuns::map)
        .list();
  }

  /** Mass sends to the audience's tag made or in flight in [from, to): the monthly limit. */
  long massSendsBetween(Audience audience, Instant from, Instant to) {
    return jdbc.sql(
            "select count(*) from push_run where audience = ? and ((status in ('SENT',"
                + " 'FINISHED') and sent_at >= ? and sent_at < ?) or (status = 'CLAIMED'"
                + " and created_at >= ? and created_at < ?))")
        .params(
            audience.name(),
            Timestamp.from(from),
            Timestamp.from(to),
            Timestamp.from(from),
            Timestamp.from(to))
        .query(Long.class)
        .single();
  }

  /**
   * Takes the run for one delivery attempt: true when no other instance holds it. The lease keeps a
   * crashed holder from blocking the run for longer than {@code lease}.
   */
  boolean lease(long id, Instant now, Duration lease) {
    return jdbc.sql(
                "update push_run set lease_until = ?, attempts = attempts + 1 where id = ? and"
                    + " status = 'CLAIMED' and (lease_until is null or lease_until < ?)")
            .params(Timestamp.from(now.plus(lease)), id, Timestamp.from(now))
            .update()
        == 1;
  }

  void coverUploaded(long id, String mediaId) {
    jdbc.sql("update push_run set cover_media_id = ? where id = ?").params(mediaId, id).update();
  }

  void draftAdded(long id, String mediaId) {
    jdbc.sql("update push_run set draft_media_id = ? where id = ?").params(mediaId, id).update();
  }

  void previewed(long id, Instant at) {
    jdbc.sql("update push_run set preview_sent_at = ? where id = ?")
        .params(Timestamp.from(at), id)
        .update();
  }

  void sent(long id, String msgId, String msgDataId, Instant at) {
    jdbc.sql(
            "update push_run set status = 'SENT', msg_id = ?, msg_data_id = ?, sent_at = ?,"
                + " lease_until = null, last_error = null where id = ?")
        .params(msgId, msgDataId, Timestamp.from(at), id)
        .update();
  }

  void attemptFailed(long id, String error, boolean giveUp) {
    jdbc.sql(
            "update push_run set last_error = ?, lease_until = null, status = ? where id = ? and"
                + " status = 'CLAIMED'")
        .params(error, giveUp ? Status.FAILED.name() : Status.CLAIMED.name(), id)
        .update();
  }

  /** Ends a run that never went out; true if it was still claimed. */
  boolean markStale(long id, String note) {
    return jdbc.sql(
                "update push_run set status = 'STALE', last_error = ?, lease_until = null where"
                    + " id = ? and status = 'CLAIMED'")
            .params(note, id)
            .update()
        == 1;
  }

  /** Records the MASSSENDJOBFINISH counts; false when no run has that msg_id. */
  boolean finished(String msgId, PushRun.Delivery d, Instant at) {
    return jdbc.sql(
                "update push_run set status = 'FINISHED', finished_at = ?, wechat_status = ?,"
                    + " total_count = ?, filter_count = ?, sent_count = ?, error_count = ?"
                    + " where msg_id = ? and status in ('SENT', 'FINISHED')")
            .params(
                Timestamp.from(at),
                d.status(),
                d.total(),
                d.filtered(),
                d.sent(),
                d.errors(),
                msgId)
            .update()
        > 0;
  }

  private static PushRun map(ResultSet rs, int row) throws SQLException {
    Date term = rs.getDate("term_start");
    int week = rs.getInt("week");
    boolean hasWeek = !rs.wasNull();
    String wechatStatus = rs.getString("wechat_status");
    Timestamp finished = rs.getTimestamp("finished_at");
    return new PushRun(
        rs.getLong("id"),
        rs.getString("run_key"),
        Kind.valueOf(rs.getString("kind")),
        term == null ? null : term.toLocalDate(),
        hasWeek ? week : null,
        Audience.valueOf(rs.getString("audience")),
        rs.getString("article_id"),
        Status.valueOf(rs.getString("status")),
        rs.getString("client_msg_id"),
        rs.getString("cover_media_id"),
        rs.getString("draft_media_id"),
        instant(rs.getTimestamp("preview_sent_at")),
        rs.getString("msg_id"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("sent_at")),
        finished == null
            ? null
            : new PushRun.Delivery(
                wechatStatus,
                rs.getLong("total_count"),
                rs.getLong("filter_count"),
                rs.getLong("sent_count"),
                rs.getLong("error_count")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** A term week: the unit a scheduled push is unique for. */
  record TermWeek(java.time.LocalDate termStart, int week) {}
}
