package org.xinqiao.checkin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Check-in results in the system of record. */
@Repository
class ResultRepository {

  private final JdbcClient jdbc;

  ResultRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      long personId,
      String checkinId,
      boolean complete,
      int score,
      String bandLabel,
      boolean worrying,
      List<Integer> answers,
      Instant at,
      Long escalationId) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into checkin_result (person_id, checkin_id, complete, score, band_label,"
                + " worrying, answers, taken_at, escalation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            personId,
            checkinId,
            complete,
            score,
            bandLabel,
            worrying,
            Result.encode(answers),
            Timestamp.from(at),
            escalationId)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /**
   * The person's latest complete result of this check-in (the frequency limit and "上次" count these;
   * one stopped by an alert answer does not keep anyone from trying again).
   */
  Optional<Result> latest(long personId, String checkinId) {
    return jdbc.sql(
            "select * from checkin_result where person_id = ? and checkin_id = ? and complete"
                + " order by taken_at desc, id desc limit 1")
        .params(personId, checkinId)
        .query(ResultRepository::map)
        .optional();
  }

  /** The latest complete result before {@code resultId}: what the trend compares with. */
  Optional<Result> previousComplete(long personId, String checkinId, long resultId) {
    return jdbc.sql(
            "select * from checkin_result where person_id = ? and checkin_id = ? and complete"
                + " and id < ? order by taken_at desc, id desc limit 1")
        .params(personId, checkinId, resultId)
        .query(ResultRepository::map)
        .optional();
  }

  Optional<Result> find(long id) {
    return jdbc.sql("select * from checkin_result where id = ?")
        .param(id)
        .query(ResultRepository::map)
        .optional();
  }

  /** Shares the person's own result; false when it is not theirs or already shared. */
  boolean share(long resultId, long personId, Instant at) {
    return jdbc.sql(
                "update checkin_result set shared_at = ? where id = ? and person_id = ?"
                    + " and shared_at is null")
            .params(Timestamp.from(at), resultId, personId)
            .update()
        == 1;
  }

  /** Results their owners chose to share, newest first. */
  List<Result> shared(int limit) {
    return jdbc.sql(
            "select * from checkin_result where shared_at is not null"
                + " order by shared_at desc limit ?")
        .param(limit)
        .query(ResultRepository::map)
        .list();
  }

  /** The results one person shared, newest first. */
  List<Result> sharedBy(long personId) {
    return jdbc.sql(
            "select * from checkin_result where person_id = ? and shared_at is not null"
                + " order by taken_at desc, id desc")
        .param(personId)
        .query(ResultRepository::map)
        .list();
  }

  /** Complete results since {@code from}, for aggregates (ids and bands only are used). */
  List<Result> completeSince(Instant from) {
    return jdbc.sql(
            "select * from checkin_result where complete and taken_at >= ? order by taken_at")
        .param(Timestamp.from(from))
        .query(ResultRepository::map)
        .list();
  }

  /** Complete results taken in [from, to), oldest first, for the semester report's counts. */
  List<Result> completeBetween(Instant from, Instant to) {
    return jdbc.sql(
            "select * from checkin_result where complete and taken_at >= ? and taken_at < ?"
                + " order by taken_at, id")
        .params(Timestamp.from(from), Timestamp.from(to))
        .query(ResultRepository::map)
        .list();
  }

  int purgeBefore(Instant cutoff) {
    return jdbc.sql("delete from checkin_result where taken_at < ?")
        .param(Timestamp.from(cutoff))
        .update();
  }

  private static Result map(ResultSet rs, int row) throws SQLException {
    Timestamp shared = rs.getTimestamp("shared_at");
    long escalation = rs.getLong("escalation_id");
    Long escalationId = rs.wasNull() ? null : escalation;
    return new Result(
        rs.getLong("id"),
        rs.getLong("person_id"),
        rs.getString("checkin_id"),
        rs.getBoolean("complete"),
        rs.getInt("score"),
        rs.getString("band_label"),
        rs.getBoolean("worrying"),
        Result.decode(rs.getString("answers")),
        rs.getTimestamp("taken_at").toInstant(),
        shared == null ? null : shared.toInstant(),
        escalationId);
  }
}
