package org.xinqiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.store.RetentionPurges;
import org.xinqiao.testsupport.TestDatabase;

/** The yearly data audit from the real tables, on H2 and PostgreSQL, after a retention purge. */
@ParameterizedClass
@MethodSource("org.xinqiao.testsupport.TestDatabase#both")
class DataAuditTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Instant MAY = LocalDate.of(2026, 5, 4).atStartOfDay(ZONE).toInstant();

  @Parameter TestDatabase db;

  @Test
  void countsPurgedRowsDeletionsAccessAndIncidentsForTheYear() {
    JdbcClient jdbc = db.jdbc();
    for (int i = 0; i < 6; i++) {
      audit(jdbc, MAY.minus(Duration.ofDays(2000)), "p9", "escalation.viewed");
      audit(jdbc, MAY, "p7", "escalation.viewed");
      audit(jdbc, MAY, "p" + (100 + i), "data-deleted");
    }
    audit(jdbc, MAY, "p3", "role-revoked");
    RetentionPurges.run(
        List.of(
            RetentionPurges.rule(
                "audit_log",
                Duration.ofDays(1095),
                cutoff ->
                    jdbc.sql("delete from audit_log where at < ?")
                        .param(Timestamp.from(cutoff))
                        .update())),
        jdbc,
        MAY);
    new Incidents(jdbc).add(LocalDate.of(2026, 5, 3), "误发了一份名单", "已撤回并告知家长", 1, MAY);

    Report report = new DataAudit(jdbc).build(2026, ZONE, Clock.fixed(MAY, ZONE));

    assertThat(cells(report, "保留期限执行", "审计日志")).containsExactly("6");
    assertThat(cells(report, "请求与身份变更", "删除本人数据的请求（已执行）")).containsExactly("6");
    assertThat(cells(report, "请求与身份变更", "撤销员工身份")).containsExactly("<5");
    assertThat(cells(report, "员工访问", "p7 · escalation.viewed")).containsExactly("6");
    assertThat(cells(report, "事件记录", "2026-05-03")).containsExactly("误发了一份名单", "已撤回并告知家长");
  }

  @Test
  void countsCasesTheirNotesLinksAndMandatoryReportDecisions() {
    JdbcClient jdbc = db.jdbc();
    for (int i = 0; i < 6; i++) {
      long caseId = openCase(jdbc, "三(2)班 Z" + (char) ('A' + i));
      jdbc.sql(
              "insert into case_note (case_id, author_id, author_name, written_at, body)"
                  + " values (?, 7, '张老师', ?, '见了家长')")
          .params(caseId, Timestamp.from(MAY))
          .update();
      jdbc.sql(
              "insert into case_link (case_id, kind, ref_id, linked_by, linked_at)"
                  + " values (?, 'ESCALATION', ?, 7, ?)")
          .params(caseId, 500 + i, Timestamp.from(MAY))
          .update();
      decide(jdbc, 600 + i, "REPORTED", true);
    }
    for (int i = 0; i < 5; i++) {
      decide(jdbc, 700 + i, "NOT_REQUIRED", true);
    }
    decide(jdbc, 800, "NOT_REQUIRED", false);
    audit(jdbc, MAY, "p12", "consent-withdrawn");

    Report report = new DataAudit(jdbc).build(2026, ZONE, Clock.fixed(MAY, ZONE));

    assertThat(cells(report, "持有的个人数据", "个案（化名标签、状态、结案结果）")).containsExactly("6");
    assertThat(cells(report, "持有的个人数据", "个案记录")).containsExactly("6");
    assertThat(cells(report, "持有的个人数据", "个案关联（转介、预约、自评结果）")).containsExactly("6");
    assertThat(cells(report, "持有的个人数据", "强制报告决定")).containsExactly("12");
    assertThat(cells(report, "安全转介与强制报告", "强制报告决定：已报告")).containsExactly("6");
    assertThat(cells(report, "安全转介与强制报告", "强制报告决定：无需报告（已由第二人确认）")).containsExactly("5");
    assertThat(cells(report, "安全转介与强制报告", "强制报告决定：无需报告（待第二人确认）")).containsExactly("<5");
    assertThat(cells(report, "请求与身份变更", "撤回同意")).containsExactly("<5");
  }

  private static long openCase(JdbcClient jdbc, String label) {
    org.springframework.jdbc.support.GeneratedKeyHolder keys =
        new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            "insert into casework_case (label, status, opened_via, opened_by, opened_at)"
                + " values (?, 'OPEN', 'MANUAL', 7, ?)")
        .params(label, Timestamp.from(MAY))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  private static void decide(
      JdbcClient jdbc, long escalationId, String decision, boolean confirmed) {
    jdbc.sql(
            "insert into mandatory_report (escalation_id, decision, decided_by, decided_at,"
                + " confirmed_by, confirmed_at) values (?, ?, 7, ?, ?, ?)")
        .params(
            escalationId,
            decision,
            Timestamp.from(MAY),
            confirmed ? 8L : null,
            confirmed ? Timestamp.from(MAY) : null)
        .update();
  }

  private static List<String> cells(Report report, String section, String label) {
    return report.sections().stream()
        .filter(s -> s.title().equals(section))
        .flatMap(s -> s.tables().stream())
        .flatMap(t -> t.rows().stream())
        .filter(r -> r.label().equals(label))
        .findFirst()
        .orElseThrow()
        .cells();
  }

  private static void audit(JdbcClient jdbc, Instant at, String actor, String action) {
    jdbc.sql(
            "insert into audit_log (at, actor, action, subject_type, subject_id)"
                + " values (?, ?, ?, 'person', '1')")
        .params(Timestamp.from(at), actor, action)
        .update();
  }
}
