package org.xinqiao.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinqiao.console.ConsoleLogin;
import org.xinqiao.people.Role;
import org.xinqiao.testsupport.HeadlessChromium;

/**
 * A counselor opens the check-in aggregates in headless Chromium: small cells read "<5", a month
 * with fewer than five people shows no counts, and a result its owner shared is one click away.
 * Results are placed months back, where the chat tests sharing this context never write.
 */
@CheckinSpringTest
class CheckinConsoleBrowserTest {

  private static ChromeDriver browser;

  @LocalServerPort int port;
  @Autowired CheckinChat chat;
  @Autowired ResultRepository results;
  @Autowired ConsoleLogin login;
  @Autowired Clock clock;

  @BeforeAll
  static void startBrowser() {
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    HeadlessChromium.stop(browser);
  }

  @Test
  void aCounselorSeesMonthlyAggregatesWithSmallCellsSuppressedAndASharedResult() {
    LocalDate fiveMonthsAgo = LocalDate.now(clock).withDayOfMonth(10).minusMonths(5);
    Instant busyMonth = fiveMonthsAgo.atTime(20, 0).atZone(clock.getZone()).toInstant();
    Instant quietMonth = busyMonth.plus(Duration.ofDays(31));
    for (int i = 0; i < 5; i++) {
      stress(busyMonth, "压力不大", false);
    }
    long shared = stress(busyMonth, "压力较大", true);
    for (int i = 0; i < 3; i++) {
      stress(quietMonth, "有些压力", false);
    }
    long owner = results.find(shared).orElseThrow().personId();
    results.share(shared, owner, busyMonth);
    String counselor = chat.newPerson(Role.COUNSELOR);
    String code = login.issueCode(chat.person(counselor));

    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get(base + "/console/login");
    browser.findElement(By.id("code")).sendKeys(code);
    browser.findElement(By.id("login")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/console"));
    browser.findElement(By.linkText("自评：参与情况与结果分布（汇总）")).click();
    wait.until(d -> d.getCurrentUrl().contains("/console/checkins"));
    browser.findElement(By.id("by-month")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("by=month"));

    WebElement table = browser.findElement(By.id("checkin-stress-self-check"));
    assertThat(table.findElement(By.tagName("thead")).getText())
        .contains("参与人数")
        .contains("压力不大")
        .contains("压力较大");
    assertThat(cells(table, fiveMonthsAgo)).containsExactly("6", "5", "<5", "<5");
    assertThat(cells(table, fiveMonthsAgo.plusMonths(1))).containsExactly("<5", "<5", "<5", "<5");
    assertThat(browser.findElement(By.id("privacy")).getText()).contains("少于 5 人");

    browser.findElement(By.linkText("本人分享给心理老师的结果")).click();
    WebElement card = wait.until(d -> d.findElement(By.id("shared-" + shared)));
    assertThat(card.getText())
        .contains("p" + owner)
        .contains("压力自查")
        .contains("压力较大")
        .contains("需要关心")
        .contains("最近有没有觉得活着很累、不想活下去的念头？ —— 没有");
    card.findElement(By.linkText("压力自查")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/console/checkins/shared/" + shared));
    assertThat(browser.findElements(By.cssSelector("article.shared"))).hasSize(1);
  }

  private long stress(Instant at, String band, boolean worrying) {
    long person = chat.person(chat.newPerson(Role.PARENT)).id();
    return results.insert(
        person, "stress-self-check", true, 0, band, worrying, List.of(3, 3, 2, 2, 2, 0), at, null);
  }

  /** The participants and band cells of the row for the month starting {@code day}'s month. */
  private static List<String> cells(WebElement table, LocalDate day) {
    String label = day.getYear() + "年" + day.getMonthValue() + "月";
    for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
      List<WebElement> tds = row.findElements(By.tagName("td"));
      if (tds.get(0).getText().equals(label)) {
        return tds.subList(1, tds.size()).stream().map(WebElement::getText).toList();
      }
    }
    throw new AssertionError("no row " + label);
  }
}
