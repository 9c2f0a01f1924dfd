package org.xinqiao.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who holds each conversation (handoff) and the counselor's replies (handoff_reply). */
@Repository
class HandoffRepository {

  /** Who holds a conversation. */
  enum State {
    BOT,
    WAITING_FOR_COUNSELOR,
    COUNSELOR
  }

  record Holder(
      long personId, State state, Long counselorId, String counselorName, Long escalationId) {}

  record Reply(long id, long personId, long counselorId, String body, String status, Instant at) {}

  private final JdbcClient jdbc;

  HandoffRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Holder> find(long personId) {
    return jdbc.sql(
            "select person_id, state, counselor_id, counselor_name, escalation_id from handoff"
                + " where person_id = ?")
        .param(personId)
        .query(
            (rs, i) -> {
              long c = rs.getLong(3);
              Long counselor = rs.wasNull() ? null : c;
              long e = rs.getLong(5);
              Long escalation = rs.wasNull() ? null : e;
              return new Holder(
                  rs.getLong(1),
                  State.valueOf(rs.getString(2)),
                  counselor,
                  rs.getString(4),
                  escalation);
            })
        .optional();
  }

  State state(long personId) {
    return find(personId).map(Holder::state).orElse(State.BOT);
  }

  void set(
      long personId, State state, Long counselorId, String name, Long escalationId, Instant at) {
    int updated =
        jdbc.sql(
                "update handoff set state = ?, counselor_id = ?, counselor_name = ?,"
                    + " escalation_id = ?, updated_at = ? where person_id = ?")
            .params(
                state.name(),
                counselorId,
                name,
                escalationId,
                EscalationRepository.ts(at),
                personId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into handoff (person_id, state, counselor_id, counselor_name, escalation_id,"
                  + " updated_at) values (?, ?, ?, ?, ?, ?)")
          .params(
              personId, state.name(), counselorId, name, escalationId, EscalationRepository.ts(at))
          .update();
    }
  }

  long addReply(long personId, long counselorId, String body, Instant at) {
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            "insert into handoff_reply (person_id, counselor_id, body, status, created_at)"
                + " values (?, ?, ?, 'QUEUED', ?)")
        .params(personId, counselorId, body, EscalationRepository.ts(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  List<Reply> queued(long personId) {
    return replies(personId, "and status = 'QUEUED'");
  }

  List<Reply> replies(long personId) {
    return replies(personId, "");
  }

  private List<Reply> replies(long personId, String filter) {
    return jdbc.sql(
            "select id, person_id, counselor_id, body, status, created_at from handoff_reply"
                + " where person_id = ? "
                + filter
                + " order by id")
        .param(personId)
        .query(
            (rs, i) ->
                new Reply(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getString(5),
                    EscalationRepository.instant(rs, "created_at")))
        .list();
  }

  void markSent(long replyId, Instant at) {
    jdbc.sql("update handoff_reply set status = 'SENT', sent_at = ? where id = ?")
        .params(EscalationRepository.ts(at), replyId)
        .update();
  }

  /** The person's data is deleted on request; the escalation's own transcript copy stays. */
  void forget(long personId) {
    jdbc.sql("delete from handoff_reply where person_id = ?").param(personId).update();
    jdbc.sql("delete from customer_service_send where person_id = ?").param(personId).update();
    jdbc.sql("delete from handoff where person_id = ?").param(personId).update();
  }
}
