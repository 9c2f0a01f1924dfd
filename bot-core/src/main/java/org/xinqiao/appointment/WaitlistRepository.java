package org.xinqiao.appointment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xinqiao.people.People;

/** Who waits for which day, first come first served, and which freed slot is held for whom. */
@Repository
class WaitlistRepository {

  /** One person waiting for a day. */
  record Entry(long id, long personId, Kind kind, LocalDate day, String status, Slot offered) {}

  private final JdbcClient jdbc;

  WaitlistRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the person to the day's list unless they are on it already; their entry id. */
  long join(long personId, Kind kind, LocalDate day, Instant now) {
    Optional<Long> existing =
        jdbc.sql(
                "select id from appointment_waitlist where person_id = ? and on_day = ?"
                    + " and status in ('WAITING', 'OFFERED')")
            .params(personId, Date.valueOf(day))
            .query(Long.class)
            .optional();
    if (existing.isPresent()) {
      return existing.get();
    }
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            "insert into appointment_waitlist (person_id, kind, on_day, status, created_at)"
                + " values (?, ?, ?, 'WAITING', ?)")
        .params(personId, kind.name(), Date.valueOf(day), Timestamp.from(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /**
   * Someone who withdrew their consent keeps their place in line but is passed over for offers
   * until they consent again.
   */
  private static final String WAITING_AND_CONSENTED =
      " and person_id not in (" + People.WITHDREW_CONSENT + ")";

  Optional<Entry> firstWaiting(LocalDate day) {
    return jdbc.sql(
            "select * from appointment_waitlist where on_day = ? and status = 'WAITING'"
                + WAITING_AND_CONSENTED
                + " order by id limit 1")
        .param(Date.valueOf(day))
        .query(WaitlistRepository::map)
        .optional();
  }

  Optional<Entry> find(long id) {
    return jdbc.sql("select * from appointment_waitlist where id = ?")
        .param(id)
        .query(WaitlistRepository::map)
        .optional();
  }

  /** Offers a slot to a waiting entry; false when it was not waiting any more. */
  boolean offer(long id, Slot slot, Instant expires) {
    return jdbc.sql(
                "update appointment_waitlist set status = 'OFFERED', offer_counselor = ?,"
                    + " offer_starts_at = ?, offer_expires_at = ? where id = ? and status ="
                    + " 'WAITING'")
            .params(slot.counselorId(), Timestamp.from(slot.start()), Timestamp.from(expires), id)
            .update()
        == 1;
  }

  boolean move(long id, String from, String to) {
    return jdbc.sql("update appointment_waitlist set status = ? where id = ? and status = ?")
            .params(to, id, from)
            .update()
        == 1;
  }

  /** Marks the person's open entries for a day as done: they booked that day. */
  void booked(long personId, LocalDate day) {
    jdbc.sql(
            "update appointment_waitlist set status = 'BOOKED' where person_id = ? and on_day = ?"
                + " and status in ('WAITING', 'OFFERED')")
        .params(personId, Date.valueOf(day))
        .update();
  }

  /** Slot refs held by a live offer for someone other than the viewer. */
  Set<String> heldRefs(long viewerId, Instant now) {
    return new HashSet<>(
        jdbc.sql(
                "select offer_counselor, offer_starts_at from appointment_waitlist"
                    + " where status = 'OFFERED' and offer_expires_at > ? and person_id <> ?")
            .params(Timestamp.from(now), viewerId)
            .query(
                (rs, i) ->
                    rs.getLong(1) + "@" + rs.getTimestamp(2).toInstant().getEpochSecond() / 60)
            .list());
  }

  private static Entry map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    Timestamp start = rs.getTimestamp("offer_starts_at");
    return new Entry(
        rs.getLong("id"),
        rs.getLong("person_id"),
        Kind.valueOf(rs.getString("kind")),
        rs.getDate("on_day").toLocalDate(),
        rs.getString("status"),
        start == null ? null : new Slot(rs.getLong("offer_counselor"), start.toInstant(), null));
  }
}
