package org.xinqiao.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xinqiao.people.People;

/** Sign-ups, the waitlist and attendance. Changes run under the event's row lock. */
@Repository
class SignupRepository {

  /** Seats held and people waiting, per event. */
  record Counts(int holding, int waiting, int attended) {}

  private final JdbcClient jdbc;

  SignupRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Signup> find(long eventId, long personId) {
    return jdbc.sql("select * from event_signup where event_id = ? and person_id = ?")
        .params(eventId, personId)
        .query(SignupRepository::map)
        .optional();
  }

  Optional<Signup> find(long id) {
    return jdbc.sql("select * from event_signup where id = ?")
        .param(id)
        .query(SignupRepository::map)
        .optional();
  }

  long insert(long eventId, long personId, Signup.Status status, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into event_signup (event_id, person_id, status, queued_at) values (?, ?, ?, ?)")
        .params(eventId, personId, status.name(), Timestamp.from(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** A person signs up again after cancelling: they join at the back. */
  void requeue(long id, Signup.Status status, Instant now) {
    jdbc.sql(
            "update event_signup set status = ?, queued_at = ?, offer_expires_at = null where id"
                + " = ?")
        .params(status.name(), Timestamp.from(now), id)
        .update();
  }

  /** Moves a sign-up from one status to another; false when it was not in {@code from}. */
  boolean move(long id, Signup.Status from, Signup.Status to) {
    return jdbc.sql("update event_signup set status = ? where id = ? and status = ?")
            .params(to.name(), id, from.name())
            .update()
        == 1;
  }

  boolean offer(long id, Instant expires) {
    return jdbc.sql(
                "update event_signup set status = 'OFFERED', offer_expires_at = ? where id = ?"
                    + " and status = 'WAITING'")
            .params(Timestamp.from(expires), id)
            .update()
        == 1;
  }

  void attended(long id, Instant at) {
    jdbc.sql("update event_signup set attended_at = ? where id = ? and attended_at is null")
        .params(Timestamp.from(at), id)
        .update();
  }

  long walkIn(long eventId, long personId, Instant at) {
    long id = insert(eventId, personId, Signup.Status.WALK_IN, at);
    attended(id, at);
    return id;
  }

  int holding(long eventId) {
    return jdbc.sql(
            "select count(*) from event_signup where event_id = ? and status in ('CONFIRMED',"
                + " 'OFFERED')")
        .param(eventId)
        .query(Integer.class)
        .single();
  }

  Counts counts(long eventId) {
    return jdbc.sql(
            "select coalesce(sum(case when status in ('CONFIRMED', 'OFFERED') then 1 else 0 end),"
                + " 0), coalesce(sum(case when status = 'WAITING' then 1 else 0 end), 0),"
                + " count(attended_at) from event_signup where event_id = ?")
        .param(eventId)
        .query((rs, i) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
        .single();
  }

  /** How many people wait ahead of this one. */
  int waitingAhead(Signup s) {
    return jdbc.sql(
            "select count(*) from event_signup where event_id = ? and status = 'WAITING'"
                + " and (queued_at < ? or (queued_at = ? and id < ?))")
        .params(s.eventId(), Timestamp.from(s.queuedAt()), Timestamp.from(s.queuedAt()), s.id())
        .query(Integer.class)
        .single();
  }

  Optional<Signup> firstWaiting(long eventId) {
    return jdbc.sql(
            "select * from event_signup where event_id = ? and status = 'WAITING'"
                + WAITING_AND_CONSENTED
                + " order by queued_at, id limit 1")
        .param(eventId)
        .query(SignupRepository::map)
        .optional();
  }

  /** Everyone with a seat, an offer or a place on the waitlist. */
  List<Signup> live(long eventId) {
    return jdbc.sql(
            "select * from event_signup where event_id = ? and status in ('CONFIRMED',"
                + " 'OFFERED', 'WAITING') order by id")
        .param(eventId)
        .query(SignupRepository::map)
        .list();
  }

  List<Signup> confirmed(long eventId) {
    return jdbc.sql(
            "select * from event_signup where event_id = ? and status = 'CONFIRMED' order by id")
        .param(eventId)
        .query(SignupRepository::map)
        .list();
  }

  /** The person's live sign-ups of events that have not ended, with their events. */
  List<Mine> mine(long personId, Instant now) {
    return jdbc.sql(
            "select s.id as signup_id, s.status as signup_status, s.person_id, s.event_id,"
                + " s.queued_at, s.offer_expires_at, s.attended_at, e.* from event_signup s"
                + " join event e on e.id = s.event_id"
                + " where s.person_id = ? and s.status in ('CONFIRMED', 'OFFERED', 'WAITING')"
                + " and e.ends_at > ? order by e.starts_at")
        .params(personId, Timestamp.from(now))
        .query(
            (rs, i) ->
                new Mine(
                    mapSignup(rs, rs.getLong("signup_id"), rs.getString("signup_status")),
                    EventRepository.map(rs, i)))
        .list();
  }

  /** Deletes sign-ups of events that ended before the cutoff; how many. */
  int purgeEndedBefore(Instant cutoff) {
    return jdbc.sql(
            "delete from event_signup where event_id in (select id from event where ends_at < ?)")
        .param(Timestamp.from(cutoff))
        .update();
  }

  int deleteOf(long personId) {
    return jdbc.sql("delete from event_signup where person_id = ?").param(personId).update();
  }

  /** A sign-up with its event. */
  record Mine(Signup signup, Event event) {}

  private static Signup map(ResultSet rs, int row) throws SQLException {
    return mapSignup(rs, rs.getLong("id"), rs.getString("status"));
  }

  /**
   * Someone who withdrew their consent keeps their place in line but is passed over for offers
   * until they consent again.
   */
  private static final String WAITING_AND_CONSENTED =
      " and person_id not in (" + People.WITHDREW_CONSENT + ")";

  private static Signup mapSignup(ResultSet rs, long id, String status) throws SQLException {
    Timestamp expires = rs.getTimestamp("offer_expires_at");
    Timestamp attended = rs.getTimestamp("attended_at");
    return new Signup(
        id,
        rs.getLong("event_id"),
        rs.getLong("person_id"),
        Signup.Status.valueOf(status),
        rs.getTimestamp("queued_at").toInstant(),
        expires == null ? null : expires.toInstant(),
        attended == null ? null : attended.toInstant());
  }
}
