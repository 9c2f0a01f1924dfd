package org.xinqiao.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The incident log (table {@code incident}): what happened to personal data, what was done. */
public final class Incidents {

  static final int MAX_TEXT = 2000;

  /** One incident. */
  public record Incident(long id, LocalDate occurredOn, String what, String done) {}

  private final JdbcClient jdbc;

  public Incidents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long add(LocalDate occurredOn, String what, String done, long recordedBy, Instant at) {
    jdbc.sql(
            "insert into incident (occurred_on, what, done, recorded_by, recorded_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(occurredOn, what, done, recordedBy, Timestamp.from(at))
        .update();
    return jdbc.sql("select max(id) from incident").query(Long.class).single();
  }

  List<Incident> in(ReportPeriod period) {
    return jdbc.sql(
            "select id, occurred_on, what, done from incident where occurred_on >= ?"
                + " and occurred_on <= ? order by occurred_on, id")
        .params(period.from(), period.to())
        .query(
            (rs, i) ->
                new Incident(
                    rs.getLong(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }
}
