package org.xinqiao.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.xinqiao.people.Role;
import org.xinqiao.report.DataAudit;
import org.xinqiao.report.Disclosure;
import org.xinqiao.report.Report;
import org.xinqiao.store.RetentionPurges;
import org.xinqiao.store.RetentionRule;
import org.xinqiao.testsupport.ConsoleLogins;

/** The admins' reports, data audit and audit-log pages through MockMvc, on the console context. */
class ReportConsoleTest extends ConsoleContext {

  private MockHttpServletResponse as(UsernamePasswordAuthenticationToken who, String path)
      throws Exception {
    return mvc.perform(get(path).with(authentication(who))).andReturn().getResponse();
  }

  @Test
  void adminSeesSemesterFiguresAndDownloadsThemAsPdfAndCsv() throws Exception {
    UsernamePasswordAuthenticationToken admin = ConsoleLogins.as(jdbc, Role.ADMIN);
    String today = LocalDate.now().toString();
    String from = LocalDate.now().minusYears(1).toString();
    String page = as(admin, "/console/reports?from=" + from + "&to=" + today).getContentAsString();
    assertThat(page).contains("学期报告", "使用人数", "安全转介", "&lt;5");

    MockHttpServletResponse pdf =
        as(admin, "/console/reports/semester.pdf?from=" + from + "&to=" + today);
    assertThat(pdf.getContentType()).isEqualTo("application/pdf");
    try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
      assertThat(new PDFTextStripper().getText(document)).contains("心桥 学期报告", "知识库问答");
    }
    MockHttpServletResponse csv =
        as(admin, "/console/reports/semester.csv?from=" + from + "&to=" + today);
    assertThat(csv.getContentAsString(StandardCharsets.UTF_8)).contains("\"使用人数\",\"按身份统计\"");
    assertThat(
            jdbc.sql("select count(*) from audit_log where action = 'report-exported'")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aReportPeriodEndingBeforeItStartsIsABadRequest() throws Exception {
    UsernamePasswordAuthenticationToken admin = ConsoleLogins.as(jdbc, Role.ADMIN);
    assertThat(as(admin, "/console/reports/semester.pdf?from=2026-05-01&to=2026-01-01").getStatus())
        .isEqualTo(400);
    assertThat(as(admin, "/console/reports?from=2026-05-01&to=2026-01-01").getContentAsString())
        .contains("结束日期不能早于开始日期");
  }

  @Autowired List<RetentionRule> retentionRules;
  @Autowired DataAudit dataAudit;

  @Test
  void everyTableWithPersonalDataHasOneRetentionRuleAndEachPurgeReachesTheYearlyAudit() {
    assertThat(retentionRules)
        .extracting(RetentionRule::table)
        .contains(
            "message",
            "kb_gap",
            "escalation_transcript",
            "audit_log",
            "checkin_result",
            "event_signup",
            "casework_case");
    // one period for unanswered questions: a second rule would purge kb_gap on its own terms
    assertThat(retentionRules).filteredOn(r -> r.table().equals("kb_gap")).hasSize(1);
    Instant now = Instant.now();
    Timestamp longAgo = Timestamp.from(now.minus(Duration.ofDays(800)));
    jdbc.sql(
            "insert into event (title, kind, audience, starts_at, ends_at, place, capacity,"
                + " signup_deadline, counts_as_training, whole_staff, status, checkin_code,"
                + " created_at) values ('旧讲座', 'LECTURE', 'PARENTS', ?, ?, '礼堂', 50, ?,"
                + " false, false, 'OPEN', 'OLDRET', ?)")
        .params(longAgo, Timestamp.from(now.minus(Duration.ofDays(799))), longAgo, longAgo)
        .update();
    for (int i = 0; i < 5; i++) {
      long parent = ConsoleLogins.person(jdbc, Role.PARENT, null);
      jdbc.sql(
              "insert into checkin_result (person_id, checkin_id, complete, score, band_label,"
                  + " worrying, answers, taken_at) values (?, 'stress-self-check', true, 3, 'x',"
                  + " false, '0', ?)")
          .params(parent, longAgo)
          .update();
      jdbc.sql(
              "insert into event_signup (event_id, person_id, status, queued_at) values"
                  + " ((select id from event where checkin_code = 'OLDRET'), ?, 'CONFIRMED', ?)")
          .params(parent, longAgo)
          .update();
      jdbc.sql("insert into kb_gap (question, verdict, created_at) values ('很久以前的问题', 'NONE', ?)")
          .param(longAgo)
          .update();
    }
    Timestamp closedLongAgo = Timestamp.from(now.minus(Duration.ofDays(1200)));
    long counselor = ConsoleLogins.person(jdbc, Role.COUNSELOR, null);
    for (String status : List.of("CLOSED", "OPEN")) { // an open case is never purged
      jdbc.sql(
              "insert into casework_case (label, status, opened_via, opened_by, opened_at,"
                  + " closed_at, outcome) values ('三2 XY', ?, 'MANUAL', ?, ?, ?, ?)")
          .params(
              status,
              counselor,
              closedLongAgo,
              status.equals("CLOSED") ? closedLongAgo : null,
              status.equals("CLOSED") ? "IMPROVED" : null)
          .update();
    }
    long before = jdbc.sql("select coalesce(max(id), 0) from purge_log").query(Long.class).single();

    RetentionPurges.run(retentionRules, jdbc, now);

    Map<String, Long> logged = new HashMap<>();
    jdbc.sql("select table_name, row_count from purge_log where id > ?")
        .param(before)
        .query((rs, i) -> logged.merge(rs.getString(1), rs.getLong(2), Long::sum))
        .list();
    assertThat(logged)
        .containsKeys("message", "escalation_transcript", "audit_log")
        .containsEntry("checkin_result", 5L)
        .containsEntry("event_signup", 5L)
        .containsEntry("kb_gap", 5L)
        .containsEntry("casework_case", 1L);
    Report audit =
        dataAudit.build(
            LocalDate.now().getYear(), ZoneId.systemDefault(), Clock.systemDefaultZone());
    List<Disclosure.ShownRow> purged =
        audit.sections().stream()
            .filter(s -> s.title().equals("保留期限执行"))
            .flatMap(s -> s.tables().get(0).rows().stream())
            .toList();
    for (String held : List.of("心情自评结果（所选选项编号）", "活动报名与签到", "未能回答的问题（已去掉数字）")) {
      assertThat(purged)
          .filteredOn(r -> r.label().equals(held))
          .singleElement()
          .satisfies(r -> assertThat(Long.parseLong(r.cells().get(0))).isGreaterThanOrEqualTo(5));
    }
  }

  @Test
  void teachersAndCounselorsCannotOpenReportsOrTheAuditLog() throws Exception {
    for (Role role : new Role[] {Role.TEACHER, Role.COUNSELOR}) {
      UsernamePasswordAuthenticationToken staff = ConsoleLogins.as(jdbc, role);
      assertThat(as(staff, "/console/reports").getStatus()).isEqualTo(403);
      assertThat(as(staff, "/console/reports/audit?year=2026").getStatus()).isEqualTo(403);
      assertThat(as(staff, "/console/audit-log").getStatus()).isEqualTo(403);
    }
  }

  @Test
  void anIncidentAnAdminRecordsAppearsInTheYearlyAudit() throws Exception {
    UsernamePasswordAuthenticationToken admin = ConsoleLogins.as(jdbc, Role.ADMIN);
    LocalDate day = LocalDate.now().minusDays(1);
    mvc.perform(
            post("/console/reports/incidents")
                .param("occurredOn", day.toString())
                .param("what", "一台办公电脑丢失")
                .param("done", "已远程锁定并更换管理员口令")
                .with(csrf())
                .with(authentication(admin)))
        .andReturn();
    String page = as(admin, "/console/reports/audit?year=" + day.getYear()).getContentAsString();
    assertThat(page).contains("年度未成年人数据审计", "一台办公电脑丢失", "已远程锁定并更换管理员口令", "持有的个人数据");
    MockHttpServletResponse pdf = as(admin, "/console/reports/audit.pdf?year=" + day.getYear());
    try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
      assertThat(new PDFTextStripper().getText(document)).contains("事件记录", "一台办公电脑丢失");
    }
  }

  @Test
  void theAuditLogViewerFiltersByActionAndShowsNoMessageBodies() throws Exception {
    send("o_report_parent", "你好");
    send("o_report_parent", "同意");
    send("o_report_parent", "我家孩子最近总是失眠怎么办");
    UsernamePasswordAuthenticationToken admin = ConsoleLogins.as(jdbc, Role.ADMIN);
    as(admin, "/console/reports/semester.csv?from=2026-01-01&to=2026-01-31");
    String filtered = as(admin, "/console/audit-log?action=report-exported").getContentAsString();
    assertThat(filtered).contains("report-exported").doesNotContain("console-login<");
    String all = as(admin, "/console/audit-log").getContentAsString();
    assertThat(all).doesNotContain("失眠");
  }
}
