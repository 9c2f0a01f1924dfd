package org.xinqiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report semester|audit} against an H2 file database, without the server. */
class ReportCommandsTest {

  @TempDir Path dir;

  @AfterEach
  void forgetDataDir() {
    System.clearProperty("xinqiao.db.data-dir");
  }

  @Test
  void writesTheSemesterReportAndTheAuditFromAMigratedFileDatabase() throws Exception {
    Path data = dir.resolve("data");
    String url =
        "jdbc:h2:file:"
            + data.resolve("xinqiao")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    Flyway.configure().dataSource(url, "sa", "").load().migrate();
    try (var c = java.sql.DriverManager.getConnection(url, "sa", "");
        var s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
    System.setProperty("xinqiao.db.data-dir", data.toString());

    Path semester = dir.resolve("semester.pdf");
    assertThat(
            XinQiaoCli.run(
                new String[] {
                  "report",
                  "semester",
                  "--from",
                  "2026-09-01",
                  "--to",
                  "2027-01-20",
                  "--out",
                  semester.toString()
                }))
        .isZero();
    try (PDDocument pdf = Loader.loadPDF(semester.toFile())) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains(
              "心桥 学期报告", "2026-09-01 至 2027-01-20", "活动与教师培训", "教师培训达标比例", "心情自评", "压力自查：结果分布");
    }
    Path audit = dir.resolve("audit.pdf");
    assertThat(
            XinQiaoCli.run(
                new String[] {"report", "audit", "--year", "2026", "--out", audit.toString()}))
        .isZero();
    try (PDDocument pdf = Loader.loadPDF(audit.toFile())) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("2026 年度未成年人数据审计", "持有的个人数据");
    }
  }

  @Test
  void refusesPolitelyWhenThereIsNoDatabaseYet() throws Exception {
    System.setProperty("xinqiao.db.data-dir", dir.resolve("nothing-here").toString());
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit =
          XinQiaoCli.run(
              new String[] {
                "report",
                "semester",
                "--from",
                "2026-09-01",
                "--to",
                "2027-01-20",
                "--out",
                dir.resolve("x.pdf").toString()
              });
    } finally {
      System.setErr(err);
    }
    assertThat(exit).isEqualTo(2);
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("No database in", "start the server once");
    assertThat(Files.exists(dir.resolve("x.pdf"))).isFalse();
    assertThat(Files.exists(dir.resolve("nothing-here"))).isFalse();
  }
}
