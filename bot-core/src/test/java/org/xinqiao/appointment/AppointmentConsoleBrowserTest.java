package org.xinqiao.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.console.ConsoleLogin;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.testsupport.HeadlessChromium;
import org.xinqiao.testsupport.MovableClock;
import org.xinqiao.testsupport.NoticeTestBeans;

/**
 * A counselor logs in to the console in headless Chromium, sees the week, marks one session
 * attended and cancels another with a reason. Skipped when chromium is not installed.
 */
@AppointmentSpringTest
class AppointmentConsoleBrowserTest {

  private static ChromeDriver browser;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ScheduleImport scheduleImport;
  @Autowired Bookings bookings;
  @Autowired Availability availability;
  @Autowired People people;
  @Autowired ConsoleLogin login;
  @Autowired MovableClock clock;

  @BeforeAll
  static void startBrowser() {
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    HeadlessChromium.stop(browser);
  }

  @Test
  void aCounselorMarksOneSessionAttendedAndCancelsAnotherWithAReason() {
    clock.set(NoticeTestBeans.MONDAY_8AM);
    AppointmentTestSupport.clear(jdbc);
    String name = "郑老师" + UUID.randomUUID().toString().substring(0, 4);
    long counselorId = AppointmentTestSupport.counselor(jdbc, name);
    scheduleImport.apply(
        "counselors:\n  - name: %s\n    hours:\n      TUE: [\"09:00-12:00\"]\n".formatted(name));
    Person parent = people.contact("wechat", "o_" + UUID.randomUUID());
    var free = availability.free(parent.id());
    Appointment first = bookings.book(parent, Kind.PARENT, free.get(0), "孩子入睡困难");
    Appointment second = bookings.book(parent, Kind.PARENT, free.get(1), null);
    String code = login.issueCode(people.find(counselorId).orElseThrow());

    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get(base + "/console/login");
    browser.findElement(By.id("code")).sendKeys(code);
    browser.findElement(By.id("login")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/console"));

    browser.get(
        base
            + "/console/appointments?week="
            + first.startsAt().atZone(SchoolTime.ZONE).toLocalDate());
    WebElement row = browser.findElement(By.id("appointment-" + first.id()));
    assertThat(row.getText()).contains("09:00-09:45").contains("家长咨询").contains("孩子入睡困难");

    row.findElement(By.cssSelector("button.attended")).click();
    wait.until(d -> !d.findElements(By.id("message")).isEmpty());
    assertThat(browser.findElement(By.id("message")).getText()).contains("到场");

    browser.get(
        base
            + "/console/appointments?week="
            + first.startsAt().atZone(SchoolTime.ZONE).toLocalDate());
    WebElement other = browser.findElement(By.id("appointment-" + second.id()));
    other.findElement(By.cssSelector("input.reason")).sendKeys("心理老师临时外出培训");
    other.findElement(By.cssSelector("button.cancel")).click();
    wait.until(d -> !d.findElements(By.id("message")).isEmpty());
    assertThat(browser.findElement(By.id("appointment-" + second.id())).getText()).contains("已取消");
    assertThat(browser.findElement(By.id("appointment-" + first.id())).getText()).contains("已到");

    assertThat(jdbc.sql("select status from appointment order by id").query(String.class).list())
        .containsExactly("ATTENDED", "CANCELLED");
  }
}
