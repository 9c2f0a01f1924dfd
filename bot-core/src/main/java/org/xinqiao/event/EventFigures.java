package org.xinqiao.event;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the semester report may know of events: counts per kind of event, and how many teachers
 * reached the plan's training targets. Counts only, never who; the report suppresses small ones.
 * Built from a {@link JdbcClient} and the configuration so the command-line report (no server)
 * reads the same figures and targets as the console.
 */
public final class EventFigures {

  /**
   * One kind of event whose start falls in the period.
   *
   * @param held events not cancelled
   * @param cancelled events cancelled
   * @param signedUp seats held at those events (confirmed or offered; not the waitlist)
   * @param attended people checked in with the code (walk-ins included)
   * @param signedUpAttended those of {@code signedUp} who checked in
   */
  public record Kind(
      String label,
      long held,
      long cancelled,
      long signedUp,
      long attended,
      long signedUpAttended) {}

  /**
   * Teachers and counselors registered by the period's end, and how many of them had reached each
   * of the plan's targets by then (trainings attended in the school year, whole-staff trainings in
   * the term).
   */
  public record Training(
      String schoolYear,
      String term,
      int yearTarget,
      int termTarget,
      long staff,
      long reachedYear,
      long reachedTerm) {}

  private static final String IN_PERIOD = " e.kind = ? and e.starts_at >= ? and e.starts_at < ?";

  private final JdbcClient jdbc;
  private final EventProperties properties;

  EventFigures(JdbcClient jdbc, EventProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** The figures with the targets of {@code xinqiao.event.*} (their defaults when unset). */
  public static EventFigures from(JdbcClient jdbc, Environment environment) {
    return new EventFigures(
        jdbc, Binder.get(environment).bindOrCreate("xinqiao.event", EventProperties.class));
  }

  /** Every kind, in the order the console lists them, for events starting in [from, to). */
  public List<Kind> byKind(Instant from, Instant to) {
    List<Kind> kinds = new ArrayList<>();
    for (EventKind kind : EventKind.values()) {
      Object[] p = {kind.name(), Timestamp.from(from), Timestamp.from(to)};
      kinds.add(
          new Kind(
              kind.label(),
              count("select count(*) from event e where e.status = 'OPEN' and" + IN_PERIOD, p),
              count("select count(*) from event e where e.status = 'CANCELLED' and" + IN_PERIOD, p),
              signups("s.status in ('CONFIRMED', 'OFFERED')", p),
              signups("s.attended_at is not null", p),
              signups("s.status in ('CONFIRMED', 'OFFERED') and s.attended_at is not null", p)));
    }
    return kinds;
  }

  /** The training targets as of {@code lastDay} (the period's last day, inclusive). */
  public Training training(LocalDate lastDay) {
    SchoolYear year = SchoolYear.of(lastDay, properties.springTermMonth());
    SchoolYear.Term term = year.termOf(lastDay);
    Timestamp end = Timestamp.from(lastDay.plusDays(1).atStartOfDay(EventTime.ZONE).toInstant());
    String attended =
        "(select count(*) from event_signup s join event e on e.id = s.event_id"
            + " where s.person_id = p.id and s.attended_at is not null and e.counts_as_training"
            + " and e.status = 'OPEN' and e.starts_at >= ? and e.starts_at < ?";
    List<long[]> perPerson =
        jdbc.sql(
                "select "
                    + attended
                    + "), "
                    + attended
                    + " and e.whole_staff) from person p"
                    + " where p.role in ('TEACHER', 'COUNSELOR') and p.created_at < ?")
            .params(Timestamp.from(year.from()), end, Timestamp.from(term.from()), end, end)
            .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .list();
    long reachedYear =
        perPerson.stream().filter(n -> n[0] >= properties.trainingsPerYear()).count();
    long reachedTerm =
        perPerson.stream().filter(n -> n[1] >= properties.wholeStaffPerTerm()).count();
    return new Training(
        year.label(),
        term.name(),
        properties.trainingsPerYear(),
        properties.wholeStaffPerTerm(),
        perPerson.size(),
        reachedYear,
        reachedTerm);
  }

  private long signups(String which, Object[] p) {
    return count(
        "select count(*) from event_signup s join event e on e.id = s.event_id"
            + " where e.status = 'OPEN' and "
            + which
            + " and"
            + IN_PERIOD,
        p);
  }

  private long count(String sql, Object[] params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
