package org.xinqiao.safety;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The direct questions safety asked, in the database: the pending one survives a restart and is
 * seen by every instance, and "at most once a day" is counted here. Joins the pipeline's
 * transaction. Holds no text.
 */
@Repository
class SafetyQuestions {

  /** Who the question was about. */
  enum About {
    SELF,
    CHILD
  }

  /** A question not yet answered. */
  record Pending(long id, long messageId, About about, String categories, Instant askedAt) {}

  private final JdbcClient jdbc;

  SafetyQuestions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void asked(long personId, long messageId, About about, String categories, Instant at) {
    jdbc.sql(
            "insert into safety_question (person_id, message_id, about, categories, asked_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(personId, messageId, about.name(), categories, Timestamp.from(at))
        .update();
  }

  /** The newest question asked since {@code since} and not answered yet. */
  Optional<Pending> pending(long personId, Instant since) {
    return jdbc.sql(
            "select id, message_id, about, categories, asked_at from safety_question"
                + " where person_id = ? and asked_at > ? and answered_at is null"
                + " order by asked_at desc limit 1")
        .params(personId, Timestamp.from(since))
        .query(
            (rs, i) ->
                new Pending(
                    rs.getLong(1),
                    rs.getLong(2),
                    About.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getObject(5, OffsetDateTime.class).toInstant()))
        .optional();
  }

  boolean askedSince(long personId, Instant since) {
    return jdbc.sql("select count(*) from safety_question where person_id = ? and asked_at > ?")
            .params(personId, Timestamp.from(since))
            .query(Integer.class)
            .single()
        > 0;
  }

  void answered(long id, DirectQuestion.Answer answer, Instant at) {
    jdbc.sql("update safety_question set answered_at = ?, answer = ? where id = ?")
        .params(Timestamp.from(at), answer.name(), id)
        .update();
  }
}
