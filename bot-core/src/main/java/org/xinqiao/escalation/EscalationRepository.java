package org.xinqiao.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xinqiao.conversation.MessageLog;

/** Escalations, their transcript copies and page outcomes. Joins the caller's transaction. */
@Repository
class EscalationRepository {

  private final JdbcClient jdbc;

  EscalationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static OffsetDateTime ts(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  long insert(
      long personId,
      String role,
      long messageId,
      Urgency urgency,
      Set<String> categories,
      Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into escalation (person_id, person_role, message_id, urgency, categories,"
                + " mandatory_report, status, created_at) values (?, ?, ?, ?, ?, ?, 'OPEN', ?)")
        .params(
            personId,
            role,
            messageId,
            urgency.name(),
            String.join(",", categories),
            Categories.mandatoryReport(categories),
            ts(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The person's escalation that is still open or being handled, if any. */
  Optional<Escalation> active(long personId) {
    return jdbc.sql(
            "select * from escalation where person_id = ? and status <> 'CLOSED'"
                + " order by id desc limit 1")
        .param(personId)
        .query(EscalationRepository::map)
        .optional();
  }

  /** When a counselor last closed one of the person's escalations, if ever. */
  Optional<Instant> lastClosed(long personId) {
    return jdbc.sql(
            "select max(closed_at) as closed_at from escalation"
                + " where person_id = ? and status = 'CLOSED'")
        .param(personId)
        .query((rs, n) -> Optional.ofNullable(instant(rs, "closed_at")))
        .single();
  }

  void upgrade(long id, Urgency urgency, Set<String> categories) {
    jdbc.sql("update escalation set urgency = ?, categories = ?, mandatory_report = ? where id = ?")
        .params(
            urgency.name(),
            String.join(",", categories),
            Categories.mandatoryReport(categories),
            id)
        .update();
  }

  /** Copies transcript lines newer than those already copied. */
  void copyTranscript(long id, List<MessageLog.Line> lines) {
    long lastMessage =
        jdbc.sql(
                "select coalesce(max(message_id), 0) from escalation_transcript where escalation_id = ?")
            .param(id)
            .query(Long.class)
            .single();
    int seq =
        jdbc.sql("select coalesce(max(seq), 0) from escalation_transcript where escalation_id = ?")
            .param(id)
            .query(Integer.class)
            .single();
    for (MessageLog.Line line : lines) {
      if (line.id() <= lastMessage) {
        continue;
      }
      jdbc.sql(
              "insert into escalation_transcript (escalation_id, seq, message_id, direction, body,"
                  + " at) values (?, ?, ?, ?, ?, ?)")
          .params(id, ++seq, line.id(), line.direction(), line.body(), ts(line.at()))
          .update();
    }
  }

  /** Adds the reasons one message gave; a message counted twice keeps its first reasons. */
  void addReasons(long id, long messageId, List<EscalationReason> why) {
    int seq = 0;
    for (EscalationReason r : why) {
      jdbc.sql(
              "insert into escalation_reason (escalation_id, message_id, seq, layer, ref, score)"
                  + " select ?, ?, ?, ?, ?, ? where not exists (select 1 from escalation_reason"
                  + " where escalation_id = ? and message_id = ? and seq = ?)")
          .params(id, messageId, ++seq, r.layer(), r.ref(), r.score(), id, messageId, seq)
          .update();
    }
  }

  /** Every reason of the escalation by the message that gave it, oldest message first. */
  java.util.Map<Long, List<EscalationReason>> reasons(long id) {
    java.util.Map<Long, List<EscalationReason>> byMessage = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "select message_id, layer, ref, score from escalation_reason where escalation_id = ?"
                + " order by message_id, seq")
        .param(id)
        .query(
            rs -> {
              byMessage
                  .computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                  .add(new EscalationReason(rs.getString(2), rs.getString(3), rs.getDouble(4)));
            });
    return byMessage;
  }

  List<MessageLog.Line> transcript(long id) {
    return jdbc.sql(
            "select message_id, direction, body, at from escalation_transcript"
                + " where escalation_id = ? order by seq")
        .param(id)
        .query(
            (rs, i) ->
                new MessageLog.Line(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class).toInstant()))
        .list();
  }

  Optional<Escalation> find(long id) {
    return jdbc.sql("select * from escalation where id = ?")
        .param(id)
        .query(EscalationRepository::map)
        .optional();
  }

  /** Not yet closed: imminent before high, newest first within each. */
  List<Escalation> unclosed() {
    return jdbc.sql(
            "select * from escalation where status <> 'CLOSED' order by"
                + " case urgency when 'IMMINENT' then 0 else 1 end, created_at desc, id desc")
        .query(EscalationRepository::map)
        .list();
  }

  List<Escalation> recentlyClosed(int limit) {
    return jdbc.sql(
            "select * from escalation where status = 'CLOSED' order by closed_at desc limit ?")
        .param(limit)
        .query(EscalationRepository::map)
        .list();
  }

  boolean acknowledge(long id, long counselorId, String name, Instant at) {
    return jdbc.sql(
                "update escalation set status = 'ACKNOWLEDGED', acknowledged_by = ?,"
                    + " acknowledged_by_name = ?, acknowledged_at = ? where id = ? and status = 'OPEN'")
            .params(counselorId, name, ts(at), id)
            .update()
        == 1;
  }

  /** An acknowledged escalation needs a fresh acknowledgement (it became more urgent). */
  boolean reopen(long id) {
    return jdbc.sql(
                "update escalation set status = 'OPEN' where id = ? and status = 'ACKNOWLEDGED'")
            .param(id)
            .update()
        == 1;
  }

  boolean close(long id, long counselorId, String name, Outcome outcome, String note, Instant at) {
    return jdbc.sql(
                "update escalation set status = 'CLOSED', closed_by = ?, closed_by_name = ?,"
                    + " closed_at = ?, outcome = ?, note = ?,"
                    + " acknowledged_by = coalesce(acknowledged_by, ?),"
                    + " acknowledged_by_name = coalesce(acknowledged_by_name, ?),"
                    + " acknowledged_at = coalesce(acknowledged_at, ?)"
                    + " where id = ? and status <> 'CLOSED'")
            .params(counselorId, name, ts(at), outcome.name(), note, counselorId, name, ts(at), id)
            .update()
        == 1;
  }

  private static Escalation map(ResultSet rs, int row) throws SQLException {
    String cats = rs.getString("categories");
    Set<String> categories =
        cats.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(cats.split(",")));
    long ackBy = rs.getLong("acknowledged_by");
    Long acknowledgedBy = rs.wasNull() ? null : ackBy;
    String outcome = rs.getString("outcome");
    return new Escalation(
        rs.getLong("id"),
        rs.getLong("person_id"),
        rs.getString("person_role"),
        rs.getLong("message_id"),
        Urgency.valueOf(rs.getString("urgency")),
        categories,
        rs.getBoolean("mandatory_report"),
        EscalationStatus.valueOf(rs.getString("status")),
        instant(rs, "created_at"),
        acknowledgedBy,
        rs.getString("acknowledged_by_name"),
        instant(rs, "acknowledged_at"),
        rs.getString("closed_by_name"),
        instant(rs, "closed_at"),
        outcome == null ? null : Outcome.valueOf(outcome),
        rs.getString("note"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
