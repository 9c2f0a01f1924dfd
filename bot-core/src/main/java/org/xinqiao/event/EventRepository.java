package org.xinqiao.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The event table. */
@Repository
class EventRepository {

  private final JdbcClient jdbc;

  EventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The columns a draft fills, in the order of {@link #draftValues}; insert and update share them.
   */
  private static final List<String> DRAFT_COLUMNS =
      List.of(
          "title",
          "kind",
          "audience",
          "starts_at",
          "ends_at",
          "place",
          "capacity",
          "signup_deadline",
          "counts_as_training",
          "whole_staff");

  private static final String INSERT =
      "insert into event ("
          + String.join(", ", DRAFT_COLUMNS)
          + ", status, checkin_code, created_by, created_at) values ("
          + "?, ".repeat(DRAFT_COLUMNS.size())
          + "'OPEN', ?, ?, ?)";

  private static final String UPDATE =
      "update event set "
          + DRAFT_COLUMNS.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
          + " where id = ?";

  long insert(EventDraft d, String code, Long createdBy, Instant now) {
    List<Object> values = draftValues(d);
    values.addAll(Arrays.asList(code, createdBy, ts(now)));
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(INSERT).params(values).update(keys, "id");
    return keys.getKey().longValue();
  }

  void update(long id, EventDraft d) {
    List<Object> values = draftValues(d);
    values.add(id);
    jdbc.sql(UPDATE).params(values).update();
  }

  /** The draft's values for {@link #DRAFT_COLUMNS} (a list that may hold nulls, to append to). */
  private static List<Object> draftValues(EventDraft d) {
    return new ArrayList<>(
        Arrays.asList(
            d.title(),
            d.kind().name(),
            d.audience().name(),
            ts(d.startsAt()),
            ts(d.endsAt()),
            d.place(),
            d.capacity(),
            ts(d.signupDeadline()),
            d.countsAsTraining(),
            d.wholeStaff()));
  }

  /** Marks the event cancelled; false when it already was. */
  boolean cancel(long id, Instant now) {
    return jdbc.sql(
                "update event set status = 'CANCELLED', cancelled_at = ? where id = ? and status ="
                    + " 'OPEN'")
            .params(ts(now), id)
            .update()
        == 1;
  }

  Optional<Event> find(long id) {
    return jdbc.sql("select * from event where id = ?")
        .param(id)
        .query(EventRepository::map)
        .optional();
  }

  /**
   * Locks the event row until the transaction ends: every change of its seats goes through this
   * lock, so parallel sign-ups (on any instance) are counted one after the other.
   */
  Optional<Event> lock(long id) {
    return jdbc.sql("select * from event where id = ? for update")
        .param(id)
        .query(EventRepository::map)
        .optional();
  }

  Optional<Event> byCode(String code) {
    return jdbc.sql("select * from event where checkin_code = ?")
        .param(code)
        .query(EventRepository::map)
        .optional();
  }

  /** Open events for these audiences that have not ended, soonest first. */
  List<Event> upcoming(List<EventAudience> audiences, Instant now, Instant until, int limit) {
    return jdbc.sql(
            "select * from event where status = 'OPEN' and ends_at > :now and starts_at < :until"
                + " and audience in (:a) order by starts_at, id limit :limit")
        .param("now", ts(now))
        .param("until", ts(until))
        .param("a", audiences.stream().map(Enum::name).toList())
        .param("limit", limit)
        .query(EventRepository::map)
        .list();
  }

  /** Events starting in [from, to), for the console, soonest first. */
  List<Event> between(Instant from, Instant to) {
    return jdbc.sql("select * from event where starts_at >= ? and starts_at < ? order by starts_at")
        .params(ts(from), ts(to))
        .query(EventRepository::map)
        .list();
  }

  boolean existsTitledBetween(String title, Instant from, Instant to) {
    return jdbc.sql(
                "select count(*) from event where title = ? and starts_at >= ? and starts_at < ?")
            .params(title, ts(from), ts(to))
            .query(Long.class)
            .single()
        > 0;
  }

  /** The creator of these events deleted their data: the events stay, the link goes. */
  void forgetCreator(long personId) {
    jdbc.sql("update event set created_by = null where created_by = ?").param(personId).update();
  }

  static Event map(ResultSet rs, int row) throws SQLException {
    long createdBy = rs.getLong("created_by");
    boolean noCreator = rs.wasNull();
    return new Event(
        rs.getLong("id"),
        rs.getString("title"),
        EventKind.valueOf(rs.getString("kind")),
        EventAudience.valueOf(rs.getString("audience")),
        rs.getTimestamp("starts_at").toInstant(),
        rs.getTimestamp("ends_at").toInstant(),
        rs.getString("place"),
        rs.getInt("capacity"),
        rs.getTimestamp("signup_deadline").toInstant(),
        rs.getBoolean("counts_as_training"),
        rs.getBoolean("whole_staff"),
        "CANCELLED".equals(rs.getString("status")),
        rs.getString("checkin_code"),
        noCreator ? null : createdBy);
  }

  static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}
