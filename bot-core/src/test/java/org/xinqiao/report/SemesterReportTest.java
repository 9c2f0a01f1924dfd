package org.xinqiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.testsupport.TestDatabase;

/** The semester report through the real tables, on H2 and PostgreSQL, and its PDF and CSV. */
@ParameterizedClass
@MethodSource("org.xinqiao.testsupport.TestDatabase#both")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SemesterReportTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final ReportPeriod TERM =
      new ReportPeriod(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 31), ZONE);
  static final Instant IN_TERM = LocalDate.of(2026, 10, 8).atStartOfDay(ZONE).toInstant();

  @Parameter TestDatabase db;
  Report report;

  @BeforeEach
  void seedOnce() {
    if (report == null) {
      seed();
    }
  }

  void seed() {
    JdbcClient jdbc = db.jdbc();
    for (int i = 0; i < 7; i++) {
      person(jdbc, "PARENT", i);
    }
    person(jdbc, "TEACHER", 100);
    person(jdbc, "TEACHER", 101);
    for (int i = 0; i < 8; i++) {
      question(jdbc, "ANSWER", "孩子不愿上学");
    }
    for (int i = 0; i < 3; i++) {
      question(jdbc, "NONE", null);
    }
    long someone = jdbc.sql("select min(id) from person").query(Long.class).single();
    // six HIGH escalations acknowledged after 3..8 minutes, two IMMINENT after 1 minute
    for (int i = 0; i < 6; i++) {
      escalation(jdbc, someone, "HIGH", "distress", Duration.ofMinutes(3 + i));
    }
    escalation(jdbc, someone, "IMMINENT", "suicide", Duration.ofMinutes(1));
    escalation(jdbc, someone, "IMMINENT", "suicide", Duration.ofMinutes(1));
    report =
        SemesterReport.sections(
                jdbc, new AckDeadlines(Duration.ofMinutes(2), Duration.ofMinutes(10)))
            .build(TERM, Clock.fixed(IN_TERM, ZONE));
  }

  @Test
  void countsPeopleByRoleAndHidesRolesUnderFive() {
    Disclosure.Shown people = table("使用人数", "按身份统计");
    assertThat(row(people, "家长").cells()).containsExactly("7", "7");
    assertThat(row(people, "老师").cells()).containsExactly("<5", "<5");
    assertThat(row(people, "合计").cells()).containsExactly("9", "9");
    // counselors and admins (none) are hidden too: three hidden parts, the total gives none away
    assertThat(row(people, "心理老师").cells()).containsExactly("<5", "<5");
  }

  @Test
  void reportsQuestionsTopTopicsAndTheUnansweredRateWithoutAnyCountUnderFive() {
    assertThat(row(table("知识库问答", "提问与回答"), "直接回答").cells()).containsExactly("8");
    assertThat(row(table("知识库问答", "提问与回答"), "未能回答").cells()).containsExactly("<5");
    assertThat(row(table("知识库问答", "未回答率"), "未能回答的比例").cells()).containsExactly("27.3%");
    assertThat(row(table("知识库问答", "最常问的主题（前10）"), "孩子不愿上学").cells()).containsExactly("8");
  }

  @Test
  void suppressesTheComplementWhenOnlyOneLevelIsUnderFive() {
    Disclosure.Shown levels = table("安全转介", "按紧急程度");
    assertThat(row(levels, "合计").cells().subList(0, 2)).containsExactly("8", "8");
    assertThat(row(levels, "紧急").cells().subList(0, 2)).containsExactly("<5", "<5");
    // 8 - 6 would reveal the two imminent ones: the six high ones are hidden as well
    assertThat(row(levels, "高").cells().subList(0, 2)).containsExactly("<5", "<5");
    // median of 1,1,3,4,5,6,7,8 minutes (nearest rank): 4; 90th: 8; within deadline all 8
    assertThat(row(levels, "合计").cells().subList(2, 5)).containsExactly("4 分钟", "8 分钟", "100.0%");
    assertThat(row(levels, "紧急").cells().subList(2, 5)).containsExactly("—", "—", "—");
  }

  @Test
  void writesAPdfWithEmbeddedChineseFontChartsHeadingsAndNoSmallCounts() throws Exception {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    new ReportPdf(ReportFont.locate(null)).write(report, pdf);
    try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
      assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      List<PDFont> fonts = new ArrayList<>();
      int images = 0;
      for (PDPage page : document.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
        for (COSName name : page.getResources().getXObjectNames()) {
          images += page.getResources().getXObject(name) instanceof PDImageXObject ? 1 : 0;
        }
      }
      assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
      assertThat(fonts.get(0).getName()).matches("[A-Z]{6}\\+.*"); // a subset
      assertThat(images).isGreaterThanOrEqualTo(3);
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("心桥 学期报告", "使用人数", "知识库问答", "安全转介", "心理咨询预约", "每周文章推送");
      assertThat(text.lines().filter(l -> l.startsWith("老师 ") || l.startsWith("紧急 ")))
          .isNotEmpty()
          .allMatch(l -> !l.matches(".*\\s[0-4](\\s.*|$)"));
    }
  }

  @Test
  void exportsTheSameSuppressedCellsAsCsv() throws Exception {
    StringWriter csv = new StringWriter();
    ReportCsv.write(report, csv);
    assertThat(csv.toString())
        .contains("\"安全转介\",\"按紧急程度\",\"紧急\",\"<5\",\"<5\"")
        .contains("\"知识库问答\",\"提问与回答\",\"直接回答\",\"8\"")
        .doesNotContain("\"2\"");
  }

  private Disclosure.Shown table(String section, String title) {
    return report.sections().stream()
        .filter(s -> s.title().equals(section))
        .flatMap(s -> s.tables().stream())
        .filter(t -> t.title().equals(title))
        .findFirst()
        .orElseThrow();
  }

  private static Disclosure.ShownRow row(Disclosure.Shown table, String label) {
    return table.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
  }

  private static void person(JdbcClient jdbc, String role, int n) {
    Timestamp at = Timestamp.from(IN_TERM);
    jdbc.sql(
            "insert into person (channel, openid, role, following, created_at)"
                + " values ('wechat', ?, ?, true, ?)")
        .params("o_report_" + n, role, at)
        .update();
  }

  private static void question(JdbcClient jdbc, String outcome, String topic) {
    jdbc.sql("insert into question_stat (asked_at, outcome, topic) values (?, ?, ?)")
        .params(Timestamp.from(IN_TERM), outcome, topic)
        .update();
  }

  private static void escalation(
      JdbcClient jdbc, long person, String urgency, String category, Duration ack) {
    jdbc.sql(
            "insert into escalation (person_id, person_role, message_id, urgency, categories,"
                + " mandatory_report, status, created_at, acknowledged_at)"
                + " values (?, 'PARENT', 1, ?, ?, false, 'ACKNOWLEDGED', ?, ?)")
        .params(
            person, urgency, category, Timestamp.from(IN_TERM), Timestamp.from(IN_TERM.plus(ack)))
        .update();
  }
}
