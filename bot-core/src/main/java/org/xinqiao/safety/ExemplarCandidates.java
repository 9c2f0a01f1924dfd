package org.xinqiao.safety;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The candidate exemplars counselors proposed, and their review. Joins the caller's transaction.
 */
@Repository
class ExemplarCandidates {

  private final JdbcClient jdbc;

  ExemplarCandidates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Empty when this message of this escalation already has a verdict. */
  Optional<Long> propose(
      long escalationId,
      long messageId,
      ExemplarCandidate.Verdict verdict,
      RiskLevel level,
      String category,
      String person,
      String body,
      long staffId,
      Instant at) {
    if (jdbc.sql(
                "select count(*) from exemplar_candidate where escalation_id = ? and message_id = ?")
            .params(escalationId, messageId)
            .query(Integer.class)
            .single()
        > 0) {
      return Optional.empty();
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into exemplar_candidate (escalation_id, message_id, verdict, level, category,"
                + " person, body, status, proposed_by, proposed_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)")
        .params(
            escalationId,
            messageId,
            verdict.name(),
            level.code(),
            category,
            person,
            body,
            staffId,
            Timestamp.from(at))
        .update(key, "id");
    return Optional.of(key.getKey().longValue());
  }

  Optional<ExemplarCandidate> find(long id) {
    return jdbc.sql("select * from exemplar_candidate where id = ?")
        .param(id)
        .query(ExemplarCandidates::map)
        .optional();
  }

  /** Pending first (oldest first), then the last reviewed ones. */
  List<ExemplarCandidate> queue(int reviewed) {
    List<ExemplarCandidate> out =
        new java.util.ArrayList<>(
            jdbc.sql("select * from exemplar_candidate where status = 'PENDING' order by id")
                .query(ExemplarCandidates::map)
                .list());
    out.addAll(
        jdbc.sql(
                "select * from exemplar_candidate where status <> 'PENDING'"
                    + " order by reviewed_at desc, id desc limit ?")
            .param(reviewed)
            .query(ExemplarCandidates::map)
            .list());
    return out;
  }

  List<ExemplarCandidate> accepted() {
    return jdbc.sql("select * from exemplar_candidate where status = 'ACCEPTED' order by id")
        .query(ExemplarCandidates::map)
        .list();
  }

  /** The newest accepted id: other instances compare it to know when to reload. */
  long lastAccepted() {
    return jdbc.sql("select coalesce(max(id), 0) from exemplar_candidate where status = 'ACCEPTED'")
        .query(Long.class)
        .single();
  }

  /**
   * Reviews a pending candidate. A rejected one keeps its verdict but loses its text: nothing of
   * the child's message stays that is not needed. False when it was not pending.
   */
  boolean review(long id, ExemplarCandidate.Status status, long staffId, Instant at) {
    return jdbc.sql(
                "update exemplar_candidate set status = ?, reviewed_by = ?, reviewed_at = ?,"
                    + " body = case when ? = 'REJECTED' then '' else body end"
                    + " where id = ? and status = 'PENDING'")
            .params(status.name(), staffId, Timestamp.from(at), status.name(), id)
            .update()
        == 1;
  }

  private static ExemplarCandidate map(ResultSet rs, int i) throws SQLException {
    return new ExemplarCandidate(
        rs.getLong("id"),
        rs.getLong("escalation_id"),
        rs.getLong("message_id"),
        ExemplarCandidate.Verdict.valueOf(rs.getString("verdict")),
        RiskLevel.fromCode(rs.getString("level")),
        rs.getString("category"),
        rs.getString("person"),
        rs.getString("body"),
        ExemplarCandidate.Status.valueOf(rs.getString("status")),
        rs.getLong("proposed_by"),
        rs.getObject("proposed_at", OffsetDateTime.class).toInstant());
  }
}
