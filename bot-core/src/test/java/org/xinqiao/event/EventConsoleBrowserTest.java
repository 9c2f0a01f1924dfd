package org.xinqiao.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.console.ConsoleLogin;
import org.xinqiao.people.People;
import org.xinqiao.people.Role;
import org.xinqiao.testsupport.HeadlessChromium;
import org.xinqiao.testsupport.MovableClock;
import org.xinqiao.testsupport.NoticeTestBeans;

/**
 * An admin publishes an event in headless Chromium: a first try with a mistake shows the message
 * beside the field, the corrected form saves, and the event's page shows the check-in code with its
 * QR image. Skipped when chromium is not installed.
 */
@EventSpringTest
class EventConsoleBrowserTest {

  private static ChromeDriver browser;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
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
  void anAdminPublishesAnEventAndSeesItsCheckInCodeAndQrImage() {
    clock.set(NoticeTestBeans.MONDAY_8AM);
    EventTestSupport.clear(jdbc);
    String code = login.issueCode(EventTestSupport.person(people, jdbc, Role.ADMIN, "赵管理员"));
    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get(base + "/console/login");
    browser.findElement(By.id("code")).sendKeys(code);
    browser.findElement(By.id("login")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/console"));

    browser.findElement(By.linkText("活动与报名")).click();
    browser.findElement(By.id("new-event")).click();
    browser.findElement(By.id("title")).sendKeys("家长讲座：孩子的睡眠与情绪");
    new Select(browser.findElement(By.id("kind"))).selectByValue("LECTURE");
    new Select(browser.findElement(By.id("audience"))).selectByValue("PARENTS");
    setValue("startsAt", input(3, 19));
    setValue("endsAt", input(3, 18)); // ends before it starts: a mistake
    browser.findElement(By.id("place")).sendKeys("学校报告厅");
    browser.findElement(By.id("capacity")).sendKeys("80");
    browser.findElement(By.id("save")).click();
    wait.until(d -> !d.findElements(By.id("form-errors")).isEmpty());
    assertThat(browser.getPageSource()).contains("结束时间要晚于开始时间").doesNotContain("Whitelabel");
    assertThat(browser.findElement(By.id("title")).getAttribute("value"))
        .isEqualTo("家长讲座：孩子的睡眠与情绪");

    setValue("endsAt", input(3, 20));
    browser.findElement(By.id("save")).click();
    wait.until(d -> !d.findElements(By.id("checkin-code")).isEmpty());

    String shown = browser.findElement(By.id("checkin-code")).getText();
    assertThat(shown).matches("[A-Z2-9]{6}");
    assertThat(jdbc.sql("select checkin_code from event").query(String.class).single())
        .isEqualTo(shown);
    wait.until(
        d ->
            ((Number)
                        ((JavascriptExecutor) d)
                            .executeScript(
                                "return document.getElementById('checkin-qr').naturalWidth"))
                    .intValue()
                > 0);
    browser.get(base + "/console/events");
    assertThat(browser.findElement(By.id("events")).getText())
        .contains("家长讲座：孩子的睡眠与情绪")
        .contains("19:00-20:00")
        .contains("报名中");
  }

  private void setValue(String id, String value) {
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
  }

  private static String input(int days, int hour) {
    return EventForm.input(
        NoticeTestBeans.MONDAY.plusDays(days).atTime(hour, 0).atZone(EventTime.ZONE).toInstant());
  }
}
