package org.xinqiao.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The append-only audit trail (table {@code audit_log}): who saw, changed, acknowledged or exported
 * what. Joins the caller's transaction, so an audit line commits with the change it describes.
 */
@Repository
public class AuditLog {

  /** Longest detail kept; a note, not a document. */
  public static final int MAX_DETAIL = 1000;

  private final JdbcClient jdbc;
  private final Clock clock;

  @Autowired
  public AuditLog(JdbcClient jdbc) {
    this(jdbc, Clock.systemUTC());
  }

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Appends one line and returns it. {@code detail} may be null; it must never hold a message body
   * or other free text from a parent, pupil or teacher.
   */
  public AuditEntry append(
      String actor, String action, String subjectType, String subjectId, String detail) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subjectType, "subjectType");
    Objects.requireNonNull(subjectId, "subjectId");
    if (detail != null && detail.length() > MAX_DETAIL) {
      throw new IllegalArgumentException("audit detail longer than " + MAX_DETAIL + " characters");
    }
    // PostgreSQL's driver takes OffsetDateTime, not Instant; microseconds are what both keep.
    OffsetDateTime at =
        OffsetDateTime.ofInstant(Instant.now(clock).truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO audit_log (at, actor, action, subject_type, subject_id, detail) "
                + "VALUES (:at, :actor, :action, :subjectType, :subjectId, :detail)")
        .param("at", at)
        .param("actor", actor)
        .param("action", action)
        .param("subjectType", subjectType)
        .param("subjectId", subjectId)
        .param("detail", detail)
        .update(key, "id");
    long id = key.getKeyAs(Long.class);
    return new AuditEntry(id, at.toInstant(), actor, action, subjectType, subjectId, detail);
  }

  /** The newest {@code limit} lines about one record, newest first. */
  public List<AuditEntry> recentBySubject(String subjectType, String subjectId, int limit) {
    return jdbc.sql(
            "SELECT id, at, actor, action, subject_type, subject_id, detail FROM audit_log "
                + "WHERE subject_type = :subjectType AND subject_id = :subjectId "
                + "ORDER BY at DESC, id DESC LIMIT :limit")
        .param("subjectType", subjectType)
        .param("subjectId", subjectId)
        .param("limit", limit)
        .query(AuditLog::entry)
        .list();
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        rs.getLong("id"),
        rs.getObject("at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("subject_type"),
        rs.getString("subject_id"),
        rs.getString("detail"));
  }
}
