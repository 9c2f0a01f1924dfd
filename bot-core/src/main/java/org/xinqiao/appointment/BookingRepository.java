package org.xinqiao.appointment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Appointments and the occupancy that makes double booking impossible: 5-minute blocks and day
 * seats, inserted in the booking transaction, refused by primary keys when already held.
 */
@Repository
class BookingRepository {

  static final long BLOCK_SECONDS = 300;

  private final JdbcClient jdbc;

  BookingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The blocks a session occupies: from its start to its end plus the buffer. */
  static List<Long> blocks(Instant start, Instant endWithBuffer) {
    long first = Math.floorDiv(start.getEpochSecond(), BLOCK_SECONDS);
    long last = Math.floorDiv(endWithBuffer.getEpochSecond() - 1, BLOCK_SECONDS);
    List<Long> blocks = new ArrayList<>();
    for (long b = first; b <= last; b++) {
      blocks.add(b);
    }
    return blocks;
  }

  long insert(
      long counselorId,
      long bookerId,
      Kind kind,
      Slot slot,
      String place,
      String note,
      Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into appointment (counselor_id, booker_id, kind, starts_at, ends_at, place,"
                + " status, note, created_at) values (?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?)")
        .params(
            counselorId,
            bookerId,
            kind.name(),
            Timestamp.from(slot.start()),
            Timestamp.from(slot.end()),
            place,
            note,
            Timestamp.from(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Throws DataIntegrityViolationException (or a concurrency failure) when a block is held. */
  void occupy(long counselorId, long appointmentId, List<Long> blocks) {
    for (Long b : blocks) {
      jdbc.sql(
              "insert into appointment_block (counselor_id, block_no, appointment_id)"
                  + " values (?, ?, ?)")
          .params(counselorId, b, appointmentId)
          .update();
    }
  }

  void takeSeat(long counselorId, LocalDate day, int seat, long appointmentId) {
    jdbc.sql(
            "insert into appointment_seat (counselor_id, on_day, seat, appointment_id)"
                + " values (?, ?, ?, ?)")
        .params(counselorId, Date.valueOf(day), seat, appointmentId)
        .update();
  }

  Set<Integer> seatsTaken(long counselorId, LocalDate day) {
    return new HashSet<>(
        jdbc.sql("select seat from appointment_seat where counselor_id = ? and on_day = ?")
            .params(counselorId, Date.valueOf(day))
            .query(Integer.class)
            .list());
  }

  /** Frees the blocks and the seat of an appointment that is no longer live. */
  void release(long appointmentId) {
    jdbc.sql("delete from appointment_block where appointment_id = ?")
        .param(appointmentId)
        .update();
    jdbc.sql("delete from appointment_seat where appointment_id = ?").param(appointmentId).update();
  }

  /** Moves a live appointment to another status; false when it was not live any more. */
  boolean finish(long id, String status, String reason, Instant now) {
    return jdbc.sql(
                "update appointment set status = ?, cancel_reason = ?, changed_at = ?"
                    + " where id = ? and status = 'BOOKED'")
            .params(status, reason, Timestamp.from(now), id)
            .update()
        == 1;
  }

  /** Deletes every session of a counselor (their data is deleted); returns how many. */
  int deleteOfCounselor(long counselorId) {
    return jdbc.sql("delete from appointment where counselor_id = ?").param(counselorId).update();
  }

  /** Marks a past session attended or missed (only a booked one). */
  boolean mark(long id, String status, Instant now) {
    return finish(id, status, null, now);
  }

  Optional<Appointment> find(long id) {
    return jdbc.sql("select * from appointment where id = ?")
        .param(id)
        .query(BookingRepository::map)
        .optional();
  }

  List<Appointment> upcomingOf(long bookerId, Instant from) {
    return jdbc.sql(
            "select * from appointment where booker_id = ? and status = 'BOOKED'"
                + " and starts_at >= ? order by starts_at")
        .params(bookerId, Timestamp.from(from))
        .query(BookingRepository::map)
        .list();
  }

  List<Appointment> ofCounselor(long counselorId, Instant from, Instant to) {
    return jdbc.sql(
            "select * from appointment where counselor_id = ? and starts_at >= ? and starts_at < ?"
                + " and status <> 'RESCHEDULED' order by starts_at")
        .params(counselorId, Timestamp.from(from), Timestamp.from(to))
        .query(BookingRepository::map)
        .list();
  }

  /** The blocks held for a counselor between two instants. */
  Set<Long> heldBlocks(long counselorId, Instant from, Instant to) {
    return new HashSet<>(
        jdbc.sql(
                "select block_no from appointment_block where counselor_id = ?"
                    + " and block_no between ? and ?")
            .params(
                counselorId,
                Math.floorDiv(from.getEpochSecond(), BLOCK_SECONDS),
                Math.floorDiv(to.getEpochSecond(), BLOCK_SECONDS))
            .query(Long.class)
            .list());
  }

  /** How many seats each day holds for a counselor. */
  Map<LocalDate, Integer> seatsPerDay(long counselorId, LocalDate from, LocalDate to) {
    Map<LocalDate, Integer> counts = new HashMap<>();
    jdbc.sql(
            "select on_day, count(*) from appointment_seat where counselor_id = ?"
                + " and on_day between ? and ? group by on_day")
        .params(counselorId, Date.valueOf(from), Date.valueOf(to))
        .query(
            (ResultSet rs) -> {
              counts.put(rs.getDate(1).toLocalDate(), rs.getInt(2));
            });
    return counts;
  }

  static Appointment map(ResultSet rs, int row) throws SQLException {
    return new Appointment(
        rs.getLong("id"),
        rs.getLong("counselor_id"),
        rs.getLong("booker_id"),
        Kind.valueOf(rs.getString("kind")),
        rs.getTimestamp("starts_at").toInstant(),
        rs.getTimestamp("ends_at").toInstant(),
        rs.getString("place"),
        rs.getString("status"),
        rs.getString("note"),
        rs.getString("cancel_reason"));
  }
}
