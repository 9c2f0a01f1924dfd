package org.xinqiao.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code casework_case} and {@code case_assignee}. */
@Repository
class CaseRepository {

  private static final String COLUMNS =
      "id, label, status, opened_via, subject_person_id, opened_by, opened_by_name, opened_at,"
          + " closed_at, closed_by_name, outcome, closing_note";

  private final JdbcClient jdbc;

  CaseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      String label, LinkKind via, Long subjectPersonId, long by, String byName, Instant at) {
    var key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into casework_case (label, status, opened_via, subject_person_id, opened_by,"
                + " opened_by_name, opened_at) values (?, 'OPEN', ?, ?, ?, ?, ?)")
        .params(label, via.name(), subjectPersonId, by, byName, ts(at))
        .update(key, "id");
    long id = key.getKeyAs(Long.class);
    assign(id, by);
    return id;
  }

  void assign(long caseId, long personId) {
    jdbc.sql(
            "insert into case_assignee (case_id, person_id) select ?, ? where not exists"
                + " (select 1 from case_assignee where case_id = ? and person_id = ?)")
        .params(caseId, personId, caseId, personId)
        .update();
  }

  Optional<CaseFile> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from casework_case where id = ?")
        .param(id)
        .query(this::map)
        .optional();
  }

  /** Cases not closed and recently closed, newest first; of one assignee, or all when null. */
  List<CaseFile> list(Long assignee) {
    String where =
        assignee == null
            ? ""
            : " where id in (select case_id from case_assignee where person_id = :p)";
    var sql =
        jdbc.sql(
            "select "
                + COLUMNS
                + " from casework_case"
                + where
                + " order by case when status = 'CLOSED' then 1 else 0 end, opened_at desc"
                + " limit 200");
    return (assignee == null ? sql : sql.param("p", assignee)).query(this::map).list();
  }

  /** Open or monitored cases about one WeChat account. */
  List<Long> unclosedAbout(long subjectPersonId) {
    return jdbc.sql(
            "select id from casework_case where subject_person_id = ? and status <> 'CLOSED'")
        .param(subjectPersonId)
        .query(Long.class)
        .list();
  }

  boolean setStatus(long id, CaseStatus status) {
    return jdbc.sql("update casework_case set status = ? where id = ? and status <> 'CLOSED'")
            .params(status.name(), id)
            .update()
        == 1;
  }

  boolean close(long id, String byName, CaseOutcome outcome, String note, Instant at) {
    return jdbc.sql(
                "update casework_case set status = 'CLOSED', closed_at = ?, closed_by_name = ?,"
                    + " outcome = ?, closing_note = ? where id = ? and status <> 'CLOSED'")
            .params(ts(at), byName, outcome.name(), note, id)
            .update()
        == 1;
  }

  /** Deletes cases closed before {@code cutoff}, with everything under them (cascade). */
  int purgeClosedBefore(Instant cutoff) {
    return jdbc.sql("delete from casework_case where status = 'CLOSED' and closed_at < ?")
        .param(ts(cutoff))
        .update();
  }

  private Set<Long> assignees(long caseId) {
    return new HashSet<>(
        jdbc.sql("select person_id from case_assignee where case_id = ?")
            .param(caseId)
            .query(Long.class)
            .list());
  }

  private CaseFile map(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    long id = rs.getLong("id");
    return new CaseFile(
        id,
        rs.getString("label"),
        CaseStatus.valueOf(rs.getString("status")),
        LinkKind.valueOf(rs.getString("opened_via")),
        rs.getObject("subject_person_id", Long.class),
        rs.getLong("opened_by"),
        rs.getString("opened_by_name"),
        instant(rs, "opened_at"),
        instant(rs, "closed_at"),
        rs.getString("closed_by_name"),
        outcome == null ? null : CaseOutcome.valueOf(outcome),
        rs.getString("closing_note"),
        assignees(id));
  }

  static OffsetDateTime ts(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
