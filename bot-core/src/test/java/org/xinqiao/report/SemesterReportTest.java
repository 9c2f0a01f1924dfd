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
import org.springframework.core.env.StandardEnvironment;
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
    for (int i = 0; i < 12; i++) {
      person(jdbc, "TEACHER", 100 + i);
    }
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
    seedEvents(jdbc);
    seedCheckins(jdbc);
    report =
        SemesterReport.sections(jdbc, new StandardEnvironment())
            .build(TERM, Clock.fixed(IN_TERM, ZONE));
  }

  /**
   * Five trainings (two for the whole staff): six teachers attend all five, reaching both targets
   * (4 a year, 2 whole-staff a term: the defaults); six attend one ordinary training. One lecture
   * with seven parents signed up, five checked in; one workshop cancelled.
   */
  void seedEvents(JdbcClient jdbc) {
    List<Long> teachers = ids(jdbc, "TEACHER");
    List<Long> parents = ids(jdbc, "PARENT");
    List<Long> trainings = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      trainings.add(event(jdbc, "TRAINING", "OPEN", true, i < 2, "T" + i));
    }
    for (int t = 0; t < 12; t++) {
      for (long training : t < 6 ? trainings : trainings.subList(4, 5)) {
        signup(jdbc, training, teachers.get(t), true);
      }
    }
    long lecture = event(jdbc, "LECTURE", "OPEN", false, false, "L1");
    for (int p = 0; p < 7; p++) {
      signup(jdbc, lecture, parents.get(p), p < 5);
    }
    event(jdbc, "WORKSHOP", "CANCELLED", false, false, "W1");
  }

  /**
   * 压力自查 by fourteen people: six end the period at 压力不大, one at 有些压力, seven at 压力较大 (one of them
   * took it twice, first 压力不大). One stopped by an alert answer does not count.
   */
  void seedCheckins(JdbcClient jdbc) {
    List<Long> everyone = new ArrayList<>(ids(jdbc, "PARENT"));
    everyone.addAll(ids(jdbc, "TEACHER"));
    for (int i = 0; i < 14; i++) {
      String band = i < 6 ? "压力不大" : i == 6 ? "有些压力" : "压力较大";
      if (i == 13) {
        result(jdbc, everyone.get(i), "压力不大", true, IN_TERM.minus(Duration.ofDays(3)));
      }
      result(jdbc, everyone.get(i), band, true, IN_TERM);
    }
    result(jdbc, everyone.get(15), null, false, IN_TERM);
  }

  @Test
  void countsPeopleByRoleAndHidesRolesUnderFive() {
    Disclosure.Shown people = table("使用人数", "按身份统计");
    assertThat(row(people, "家长").cells()).containsExactly("7", "7");
    assertThat(row(people, "老师").cells()).containsExactly("12", "12");
    assertThat(row(people, "合计").cells()).containsExactly("19", "19");
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
  void countsEventsByKindWithSignUpsAndAttendanceHidingKindsUnderFive() {
    Disclosure.Shown kinds = table("活动与教师培训", "按活动类型（开始时间在本期）");
    // held, signed up, checked in, share of the signed-up who checked in, cancelled
    assertThat(row(kinds, "教师培训").cells()).containsExactly("5", "36", "36", "100.0%", "<5");
    assertThat(row(kinds, "讲座").cells()).containsExactly("<5", "7", "5", "71.4%", "<5");
    assertThat(row(kinds, "工作坊").cells()).containsExactly("<5", "<5", "<5", "—", "<5");
    assertThat(row(kinds, "合计").cells()).containsExactly("6", "43", "41", "95.3%", "<5");
  }

  @Test
  void reportsHowManyTeachersReachedTheTrainingTargetsNeverWho() {
    Disclosure.Shown reached = table("活动与教师培训", "教师培训达标人数（截至2026-12-31，2026-2027学年上学期）");
    assertThat(reached.columns()).containsExactly("老师（含心理老师）", "本学年参加培训≥4次", "本学期参加全员培训≥2次");
    assertThat(row(reached, "已达标").cells()).containsExactly("6", "6");
    assertThat(row(reached, "未达标").cells()).containsExactly("6", "6");
    assertThat(row(reached, "合计").cells()).containsExactly("12", "12");
    assertThat(table("活动与教师培训", "教师培训达标比例").rows())
        .extracting(r -> r.cells().get(0))
        .containsExactly("50.0%", "50.0%");
    assertThat(report.sections().stream().flatMap(s -> s.tables().stream()))
        .flatExtracting(Disclosure.Shown::rows)
        .extracting(Disclosure.ShownRow::label)
        .noneMatch(label -> label.startsWith("o_report_") || label.startsWith("p"));
  }

  @Test
  void countsCheckinParticipationAndTheLatestBandOfEachPersonWithTheComplementHidden() {
    Disclosure.Shown taken = table("心情自评", "参与情况（完成的自评；一人做多种自评分别计）");
    assertThat(row(taken, "压力自查").cells()).containsExactly("15", "14");
    assertThat(row(taken, "合计").cells()).containsExactly("15", "14");
    Disclosure.Shown bands = table("心情自评", "压力自查：结果分布（每人取本期最后一次）");
    assertThat(row(bands, "压力较大").cells()).containsExactly("7");
    assertThat(row(bands, "有些压力").cells()).containsExactly("<5");
    // 14 - 7 - 6 would give the one away: the six are hidden as well
    assertThat(row(bands, "压力不大").cells()).containsExactly("<5");
    assertThat(row(bands, "合计").cells()).containsExactly("14");
  }

  @Test
  void aSchoolsOwnCheckinFromTheContentFolderHasItsOwnSection() throws Exception {
    String contentDir =
        java.nio.file.Path.of(getClass().getResource("/checkin-fixtures/school").toURI())
            .toString();
    Report withSchools =
        SemesterReport.sections(
                db.jdbc(),
                new org.springframework.mock.env.MockEnvironment()
                    .withProperty("xinqiao.kb.content-dir", contentDir))
            .build(TERM, Clock.fixed(IN_TERM, ZONE));
    assertThat(withSchools.sections())
        .filteredOn(s -> s.title().equals("心情自评"))
        .flatExtracting(Report.Section::tables)
        .extracting(Disclosure.Shown::title)
        .contains("学校自己的睡眠小调查：结果分布（每人取本期最后一次）", "压力自查：结果分布（每人取本期最后一次）");
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
      // people, questions (2), escalation categories, events by kind, check-ins (2): only
      // tables with a count that may be shown get a chart
      assertThat(images).isEqualTo(7);
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains(
              "心桥 学期报告",
              "使用人数",
              "知识库问答",
              "安全转介",
              "心理咨询预约",
              "每周文章推送",
              "活动与教师培训",
              "教师培训达标比例",
              "心情自评",
              "压力自查：结果分布");
      assertThat(
              text.lines()
                  .filter(
                      l ->
                          l.startsWith("心理老师 ")
                              || l.startsWith("紧急 ")
                              || l.startsWith("讲座 ")
                              || l.startsWith("有些压力 ")))
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
        .contains("\"心情自评\",\"压力自查：结果分布（每人取本期最后一次）\",\"有些压力\",\"<5\"")
        .contains("\"活动与教师培训\",\"按活动类型（开始时间在本期）\",\"教师培训\",\"5\",\"36\"")
        .doesNotContain("\"1\"")
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

  private static List<Long> ids(JdbcClient jdbc, String role) {
    return jdbc.sql("select id from person where role = ? order by id")
        .param(role)
        .query(Long.class)
        .list();
  }

  private static long event(
      JdbcClient jdbc,
      String kind,
      String status,
      boolean training,
      boolean wholeStaff,
      String code) {
    Timestamp at = Timestamp.from(IN_TERM);
    Timestamp end = Timestamp.from(IN_TERM.plus(Duration.ofHours(2)));
    jdbc.sql(
            "insert into event (title, kind, audience, starts_at, ends_at, place, capacity,"
                + " signup_deadline, counts_as_training, whole_staff, status, checkin_code,"
                + " created_at) values (?, ?, 'BOTH', ?, ?, '礼堂', 100, ?, ?, ?, ?, ?, ?)")
        .params("活动" + code, kind, at, end, at, training, wholeStaff, status, code, at)
        .update();
    return jdbc.sql("select id from event where checkin_code = ?")
        .param(code)
        .query(Long.class)
        .single();
  }

  private static void signup(JdbcClient jdbc, long event, long person, boolean attended) {
    Timestamp at = Timestamp.from(IN_TERM);
    jdbc.sql(
            "insert into event_signup (event_id, person_id, status, queued_at, attended_at)"
                + " values (?, ?, 'CONFIRMED', ?, ?)")
        .params(event, person, at, attended ? at : null)
        .update();
  }

  private static void result(
      JdbcClient jdbc, long person, String band, boolean complete, Instant at) {
    jdbc.sql(
            "insert into checkin_result (person_id, checkin_id, complete, score, band_label,"
                + " worrying, answers, taken_at) values (?, 'stress-self-check', ?, 0, ?, false,"
                + " '0', ?)")
        .params(person, complete, band, Timestamp.from(at))
        .update();
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
