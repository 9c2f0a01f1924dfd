package org.xinqiao.escalation;

import static org.xinqiao.escalation.EscalationRepository.instant;
import static org.xinqiao.escalation.EscalationRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code mandatory_report}: one decision per escalation. */
@Repository
class MandatoryReportRepository {

  private final JdbcClient jdbc;

  MandatoryReportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ReportDecision> find(long escalationId) {
    return jdbc.sql("select * from mandatory_report where escalation_id = ?")
        .param(escalationId)
        .query(MandatoryReportRepository::map)
        .optional();
  }

  /** Records a decision, replacing an unconfirmed "not required" (the only one still open). */
  boolean record(ReportDecision d) {
    jdbc.sql(
            "delete from mandatory_report where escalation_id = ? and decision = 'NOT_REQUIRED'"
                + " and confirmed_by is null")
        .param(d.escalationId())
        .update();
    if (find(d.escalationId()).isPresent()) {
      return false;
    }
    jdbc.sql(
            "insert into mandatory_report (escalation_id, decision, reported_to, reported_to_other,"
                + " reported_on, reference, reason, decided_by, decided_by_name, decided_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            d.escalationId(),
            d.decision().name(),
            d.reportedTo() == null ? null : d.reportedTo().name(),
            d.reportedToOther(),
            d.reportedOn(),
            d.reference(),
            d.reason(),
            d.decidedBy(),
            d.decidedByName(),
            ts(d.decidedAt()))
        .update();
    return true;
  }

  /** A second person confirms "not required"; false when there is nothing of theirs to confirm. */
  boolean confirm(long escalationId, long by, String name, Instant at) {
    return jdbc.sql(
                "update mandatory_report set confirmed_by = ?, confirmed_by_name = ?,"
                    + " confirmed_at = ? where escalation_id = ? and decision = 'NOT_REQUIRED'"
                    + " and confirmed_by is null and decided_by <> ?")
            .params(by, name, ts(at), escalationId, by)
            .update()
        == 1;
  }

  private static ReportDecision map(ResultSet rs, int row) throws SQLException {
    String to = rs.getString("reported_to");
    Long confirmedBy = rs.getObject("confirmed_by", Long.class);
    return new ReportDecision(
        rs.getLong("escalation_id"),
        ReportDecision.Kind.valueOf(rs.getString("decision")),
        to == null ? null : ReportDecision.ReportedTo.valueOf(to),
        rs.getString("reported_to_other"),
        rs.getString("reported_on"),
        rs.getString("reference"),
        rs.getString("reason"),
        rs.getLong("decided_by"),
        rs.getString("decided_by_name"),
        instant(rs, "decided_at"),
        confirmedBy,
        rs.getString("confirmed_by_name"),
        instant(rs, "confirmed_at"));
  }
}
