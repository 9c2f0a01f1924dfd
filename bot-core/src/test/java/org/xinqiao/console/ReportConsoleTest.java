package org.xinqiao.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.xinqiao.people.Role;
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

  @org.springframework.beans.factory.annotation.Autowired
  java.util.List<org.xinqiao.store.RetentionRule> retentionRules;

  @Test
  void everyTableWithPersonalDataHasARetentionRuleAndEachPurgeIsLogged() {
    assertThat(retentionRules)
        .extracting(org.xinqiao.store.RetentionRule::table)
        .contains("message", "kb_gap", "escalation_transcript", "audit_log");
    org.xinqiao.store.RetentionPurges.run(retentionRules, jdbc, java.time.Instant.now());
    assertThat(jdbc.sql("select distinct table_name from purge_log").query(String.class).list())
        .contains("message", "kb_gap", "escalation_transcript", "audit_log");
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
