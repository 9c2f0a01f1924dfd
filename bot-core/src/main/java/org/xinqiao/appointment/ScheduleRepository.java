package org.xinqiao.appointment;

import java.sql.Date;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The configuration tables: counselors, weekly hours, date overrides, the school calendar. */
@Repository
class ScheduleRepository {

  /** A window of working time on some day. */
  record Window(LocalTime starts, LocalTime ends) {}

  /** A date override: off all day when window is null. */
  record Override(long counselorId, LocalDate day, Window window, String note) {}

  /** A TERM or HOLIDAY period, both days inclusive. */
  record Period(String kind, String name, LocalDate first, LocalDate last) {
    boolean contains(LocalDate day) {
      return !day.isBefore(first) && !day.isAfter(last);
    }
  }

  private final JdbcClient jdbc;

  ScheduleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Counselor> counselors() {
    return jdbc.sql(
            "select c.*, p.display_name from appointment_counselor c join person p on p.id ="
                + " c.person_id where p.role = 'COUNSELOR' order by c.person_id")
        .query(
            (rs, i) ->
                new Counselor(
                    rs.getLong("person_id"),
                    rs.getString("display_name") == null ? "心理老师" : rs.getString("display_name"),
                    rs.getString("place"),
                    rs.getInt("session_minutes"),
                    rs.getInt("buffer_minutes"),
                    rs.getInt("daily_max"),
                    rs.getBoolean("active")))
        .list();
  }

  /** True when at least one active counselor has weekly hours. */
  boolean anyHoursPublished() {
    return jdbc.sql(
                "select count(*) from appointment_hours h join appointment_counselor c"
                    + " on c.person_id = h.counselor_id where c.active")
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<Counselor> counselor(long personId) {
    return counselors().stream().filter(c -> c.personId() == personId).findFirst();
  }

  List<Window> weekly(long counselorId, DayOfWeek weekday) {
    return jdbc.sql(
            "select starts, ends from appointment_hours where counselor_id = ? and weekday = ?"
                + " order by starts")
        .params(counselorId, weekday.getValue())
        .query((rs, i) -> new Window(rs.getTime(1).toLocalTime(), rs.getTime(2).toLocalTime()))
        .list();
  }

  List<Override> overrides(long counselorId, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "select on_day, starts, ends, note from appointment_override where counselor_id = ?"
                + " and on_day between ? and ? order by on_day, starts")
        .params(counselorId, Date.valueOf(from), Date.valueOf(to))
        .query(
            (rs, i) -> {
              Time s = rs.getTime(2);
              Time e = rs.getTime(3);
              return new Override(
                  counselorId,
                  rs.getDate(1).toLocalDate(),
                  s == null ? null : new Window(s.toLocalTime(), e.toLocalTime()),
                  rs.getString(4));
            })
        .list();
  }

  List<Period> calendar() {
    return jdbc.sql("select kind, name, first_day, last_day from appointment_calendar order by 3")
        .query(
            (rs, i) ->
                new Period(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getDate(3).toLocalDate(),
                    rs.getDate(4).toLocalDate()))
        .list();
  }

  // --- writes, used by the schedule import (one transaction) ---

  void upsertCounselor(Counselor c) {
    int updated =
        jdbc.sql(
                "update appointment_counselor set place = ?, session_minutes = ?, buffer_minutes"
                    + " = ?, daily_max = ?, active = ? where person_id = ?")
            .params(
                c.place(),
                c.sessionMinutes(),
                c.bufferMinutes(),
                c.dailyMax(),
                c.active(),
                c.personId())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into appointment_counselor (person_id, place, session_minutes,"
                  + " buffer_minutes, daily_max, active) values (?, ?, ?, ?, ?, ?)")
          .params(
              c.personId(),
              c.place(),
              c.sessionMinutes(),
              c.bufferMinutes(),
              c.dailyMax(),
              c.active())
          .update();
    }
  }

  void replaceWeekly(long counselorId, List<DayWindow> hours) {
    jdbc.sql("delete from appointment_hours where counselor_id = ?").param(counselorId).update();
    for (DayWindow h : hours) {
      jdbc.sql(
              "insert into appointment_hours (counselor_id, weekday, starts, ends)"
                  + " values (?, ?, ?, ?)")
          .params(
              counselorId,
              h.weekday().getValue(),
              Time.valueOf(h.window().starts()),
              Time.valueOf(h.window().ends()))
          .update();
    }
  }

  /** A weekly window on a weekday. */
  record DayWindow(DayOfWeek weekday, Window window) {}

  void deleteOverrides(long counselorId) {
    jdbc.sql("delete from appointment_override where counselor_id = ?").param(counselorId).update();
  }

  void replaceOverrides(long counselorId, LocalDate day, List<Override> overrides) {
    jdbc.sql("delete from appointment_override where counselor_id = ? and on_day = ?")
        .params(counselorId, Date.valueOf(day))
        .update();
    for (Override o : overrides) {
      jdbc.sql(
              "insert into appointment_override (counselor_id, on_day, starts, ends, note)"
                  + " values (?, ?, ?, ?, ?)")
          .params(
              counselorId,
              Date.valueOf(day),
              o.window() == null ? null : Time.valueOf(o.window().starts()),
              o.window() == null ? null : Time.valueOf(o.window().ends()),
              o.note())
          .update();
    }
  }

  void replaceCalendar(List<Period> periods) {
    jdbc.sql("delete from appointment_calendar").update();
    for (Period p : periods) {
      jdbc.sql(
              "insert into appointment_calendar (kind, name, first_day, last_day)"
                  + " values (?, ?, ?, ?)")
          .params(p.kind(), p.name(), Date.valueOf(p.first()), Date.valueOf(p.last()))
          .update();
    }
  }
}
