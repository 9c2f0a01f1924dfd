package org.xinqiao.event;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/**
 * The teachers' training ledger: trainings attended (checked in) per teacher in the school year,
 * and whole-staff trainings in the current term, against the plan's targets. Teachers and
 * counselors are counted; cancelled events never count.
 */
@Component
class TrainingLedger {

  /** One training a person attended. */
  record Attended(long personId, String title, Instant at, boolean wholeStaff) {}

  /** One teacher's year so far. */
  record Row(long personId, String name, Role role, List<Attended> attended, int wholeStaffTerm) {
    public int trainings() {
      return attended.size();
    }
  }

  /** The ledger as of today. */
  record Ledger(
      SchoolYear year,
      SchoolYear.Term term,
      int yearTarget,
      int termTarget,
      long wholeStaffPlanned,
      List<Row> rows) {

    boolean belowTarget(Row r) {
      return r.trainings() < yearTarget || r.wholeStaffTerm() < termTarget;
    }

    List<Row> belowTarget() {
      return rows.stream().filter(this::belowTarget).toList();
    }
  }

  private final JdbcClient jdbc;
  private final People people;
  private final EventProperties properties;
  private final Clock clock;

  TrainingLedger(JdbcClient jdbc, People people, EventProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.people = people;
    this.properties = properties;
    this.clock = clock;
  }

  Ledger now() {
    SchoolYear year = SchoolYear.of(EventTime.day(clock.instant()), properties.springTermMonth());
    SchoolYear.Term term = year.termOf(EventTime.day(clock.instant()));
    Map<Long, List<Attended>> byPerson =
        attended(year, null).stream().collect(Collectors.groupingBy(Attended::personId));
    List<Row> rows = new ArrayList<>();
    for (Role role : List.of(Role.TEACHER, Role.COUNSELOR)) {
      for (Person p : people.withRole(role)) {
        rows.add(row(p, byPerson.getOrDefault(p.id(), List.of()), term));
      }
    }
    rows.sort(Comparator.comparingInt(Row::trainings).thenComparing(r -> r.name()));
    long planned =
        jdbc.sql(
                "select count(*) from event where status = 'OPEN' and counts_as_training and"
                    + " whole_staff and starts_at >= ? and starts_at < ?")
            .params(Timestamp.from(term.from()), Timestamp.from(term.to()))
            .query(Long.class)
            .single();
    return new Ledger(
        year,
        term,
        properties.trainingsPerYear(),
        properties.wholeStaffPerTerm(),
        planned,
        List.copyOf(rows));
  }

  /** One person's row ("我的培训"). */
  Row of(Person person) {
    SchoolYear year = SchoolYear.of(EventTime.day(clock.instant()), properties.springTermMonth());
    return row(person, attended(year, person.id()), year.termOf(EventTime.day(clock.instant())));
  }

  private static Row row(Person p, List<Attended> attended, SchoolYear.Term term) {
    int wholeStaff =
        (int) attended.stream().filter(a -> a.wholeStaff() && term.contains(a.at())).count();
    String name = p.displayName() == null ? p.pseudonym() : p.displayName();
    return new Row(p.id(), name, p.role(), attended, wholeStaff);
  }

  private List<Attended> attended(SchoolYear year, Long personId) {
    return jdbc.sql(
            "select s.person_id, e.title, e.starts_at, e.whole_staff from event_signup s"
                + " join event e on e.id = s.event_id where s.attended_at is not null"
                + " and e.counts_as_training and e.status = 'OPEN' and e.starts_at >= ?"
                + " and e.starts_at < ?"
                + (personId == null ? "" : " and s.person_id = " + personId.longValue())
                + " order by e.starts_at")
        .params(Timestamp.from(year.from()), Timestamp.from(year.to()))
        .query(
            (rs, i) ->
                new Attended(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getBoolean(4)))
        .list();
  }
}
