package org.xinqiao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinqiao.testsupport.HeadlessChromium.textOnceItShows;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinqiao.console.ConsoleLogin;
import org.xinqiao.escalation.EscalationContext;
import org.xinqiao.people.Person;
import org.xinqiao.testsupport.HeadlessChromium;

/**
 * The admins' report pages in a real headless Chromium, on the escalation tests' context (one
 * Spring context for every browser test of the console): an admin picks a date range and reads the
 * semester figures with small counts shown as suppressed, downloads the PDF and the CSV, opens the
 * yearly data audit and the audit log; a counselor is refused all of them.
 */
class ReportConsoleBrowserTest extends EscalationContext {

  private static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");

  /** A past term no other test writes to, so the figures are this test's own. */
  private static final LocalDate FROM = LocalDate.of(2025, 3, 1);

  private static final LocalDate TO = LocalDate.of(2025, 6, 30);

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired ConsoleLogin login;

  @BeforeAll
  static void startBrowser() {
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    HeadlessChromium.stop(browser);
  }

  @Test
  void adminReadsTheSemesterReportWithSmallCountsSuppressedAndDownloadsIt() {
    // six lectures and one training in the term: the lectures are shown, the training is not
    for (int i = 0; i < 6; i++) {
      event("LECTURE", "RPL" + i, i);
    }
    event("TRAINING", "RPT0", 7);
    logIn(people.contact("wechat", "o_admin"));

    open("/console/reports");
    pick("from", FROM);
    pick("to", TO);
    browser.findElement(By.id("generate")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(b -> b.getCurrentUrl().contains("from=" + FROM));
    String kinds = "按活动类型（开始时间在本期）";
    assertThat(cells(kinds, "讲座").get(0)).isEqualTo("6");
    assertThat(cells(kinds, "教师培训").get(0)).isEqualTo(Disclosure.SUPPRESSED);
    assertThat(cells(kinds, "合计").get(0)).isEqualTo("7");
    assertThat(browser.findElements(By.tagName("h2")))
        .extracting(org.openqa.selenium.WebElement::getText)
        .contains("使用人数", "知识库问答", "安全转介", "心理咨询预约", "活动与教师培训", "心情自评", "每周文章推送");
    // nobody registered by the end of that term: every role's count is suppressed
    assertThat(cells("按身份统计", "合计")).containsOnly(Disclosure.SUPPRESSED);

    assertThat(download("pdf")).isEqualTo("200 application/pdf");
    assertThat(download("csv")).isEqualTo("200 text/csv;charset=UTF-8");

    browser.findElement(By.id("audit")).click();
    assertThat(textOnceItShows(browser, By.tagName("h1"), "年度未成年人数据审计")).contains("心桥");
    assertThat(browser.getPageSource()).contains("持有的个人数据", "保留期限执行");

    open("/console/reports");
    browser.findElement(By.id("audit-log")).click();
    assertThat(textOnceItShows(browser, By.tagName("h1"), "审计日志")).isEqualTo("审计日志");
    assertThat(textOnceItShows(browser, By.tagName("tbody"), "report-exported"))
        .contains("semester-" + FROM + "-" + TO + ".pdf")
        .contains("semester-" + FROM + "-" + TO + ".csv");
  }

  @Test
  void aCounselorIsRefusedTheReportsTheAuditAndTheAuditLog() {
    logIn(counselor("张老师"));
    for (String path :
        List.of(
            "/console/reports",
            "/console/reports/semester.csv?from=" + FROM + "&to=" + TO,
            "/console/reports/audit?year=2026",
            "/console/audit-log")) {
      assertThat(fetch(path)).as(path).startsWith("403");
    }
  }

  /** Logs {@code person} in with a fresh code in a fresh browser session. */
  private void logIn(Person person) {
    open("/console/login");
    browser.manage().deleteAllCookies();
    open("/console/login");
    browser.findElement(By.id("code")).sendKeys(login.issueCode(person));
    browser.findElement(By.id("login")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(b -> !b.getCurrentUrl().contains("/console/login"));
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  /** Sets a date field the way the picker does (typing into one depends on the locale). */
  private static void pick(String id, LocalDate day) {
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1]", browser.findElement(By.id(id)), day.toString());
  }

  /** The cells of the row labelled {@code label} in the table headed {@code title}. */
  private static List<String> cells(String title, String label) {
    return browser
        .findElements(
            By.xpath(
                "//h3[text()='"
                    + title
                    + "']/following-sibling::table[1]//tr[td[1]='"
                    + label
                    + "']/td[position() > 1]"))
        .stream()
        .map(org.openqa.selenium.WebElement::getText)
        .toList();
  }

  /** The status and content type of the link with {@code id}, fetched in the admin's session. */
  private static String download(String id) {
    return fetch(browser.findElement(By.id(id)).getAttribute("href"));
  }

  private static String fetch(String url) {
    Object answer =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {redirect: 'manual'})"
                    + ".then(r => r.arrayBuffer().then(() => done(r.status + ' '"
                    + " + r.headers.get('content-type'))))"
                    + ".catch(e => done('failed ' + e));",
                url);
    return String.valueOf(answer);
  }

  private void event(String kind, String code, int day) {
    Timestamp starts =
        Timestamp.from(FROM.plusDays(10 + day).atTime(15, 0).atZone(SCHOOL).toInstant());
    Timestamp ends = Timestamp.from(starts.toInstant().plus(Duration.ofHours(1)));
    jdbc.sql(
            "insert into event (title, kind, audience, starts_at, ends_at, place, capacity,"
                + " signup_deadline, counts_as_training, whole_staff, status, checkin_code,"
                + " created_at) values (?, ?, 'BOTH', ?, ?, '礼堂', 100, ?, ?, false, 'OPEN', ?, ?)")
        .params("活动" + code, kind, starts, ends, starts, kind.equals("TRAINING"), code, starts)
        .update();
  }
}
