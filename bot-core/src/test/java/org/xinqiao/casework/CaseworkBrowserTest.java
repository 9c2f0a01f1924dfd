package org.xinqiao.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinqiao.testsupport.HeadlessChromium.textOnceItShows;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinqiao.console.ConsoleLogin;
import org.xinqiao.escalation.Escalation;
import org.xinqiao.escalation.EscalationContext;
import org.xinqiao.people.Person;
import org.xinqiao.testsupport.HeadlessChromium;

/**
 * A counselor in a real headless Chromium, on an escalation about possible abuse: closing is
 * refused with a plain sentence until the report decision is recorded; they open a case from the
 * escalation, write a note, record the report and close both.
 */
class CaseworkBrowserTest extends EscalationContext {

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
  void counselorRecordsTheReportDecisionBeforeClosingAnAbuseEscalationAndItsCase() {
    Person parent = parent();
    send(parent.openid(), "孩子说继父晚上摸她");
    Escalation e = escalationOf(parent);
    Person zhang = counselor("张老师");

    open("/console/login");
    browser.findElement(By.id("code")).sendKeys(login.issueCode(zhang));
    browser.findElement(By.id("login")).click();
    // the login is a form post: under load the session may not be there yet when the next page
    // opens
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(b -> !b.getCurrentUrl().contains("/console/login"));
    open("/console/escalations/" + e.id());
    assertThat(textOnceItShows(browser, By.id("report-missing"), "不能结案")).contains("不能结案");

    new Select(browser.findElement(By.id("outcome"))).selectByValue("FALSE_ALARM");
    browser.findElement(By.id("close")).click();
    assertThat(textOnceItShows(browser, By.id("problem"), "还不能结案"))
        .contains("还不能结案")
        .contains("强制报告");
    assertThat(browser.getPageSource()).doesNotContain("Whitelabel");

    browser.findElement(By.id("case-label")).sendKeys("三(2)班 zx");
    browser.findElement(By.id("open-case")).click();
    assertThat(browser.findElement(By.id("label")).getText()).isEqualTo("三(2)班 ZX");
    String casePage = browser.getCurrentUrl();
    browser.findElement(By.id("body")).sendKeys("与孩子单独谈话，孩子表示害怕回家");
    browser.findElement(By.id("add-note")).click();
    assertThat(textOnceItShows(browser, By.id("notes"), "张老师"))
        .contains("张老师")
        .contains("孩子表示害怕回家");
    new Select(browser.findElement(By.id("outcome"))).selectByValue("REFERRED_OUT");
    browser.findElement(By.id("close")).click();
    assertThat(textOnceItShows(browser, By.id("problem"), "强制报告")).contains("强制报告");

    open("/console/escalations/" + e.id());
    browser.findElement(By.id("decision-reported")).click();
    new Select(browser.findElement(By.id("reportedTo"))).selectByValue("POLICE");
    browser.findElement(By.id("reportedOn")).sendKeys("2026-05-01 21:30");
    browser.findElement(By.id("reference")).sendKeys("JJ20260501-17");
    browser.findElement(By.id("record-report")).click();
    assertThat(browser.findElement(By.id("report-decision")).getText())
        .contains("公安（110）")
        .contains("JJ20260501-17")
        .contains("张老师");
    new Select(browser.findElement(By.id("outcome"))).selectByValue("MANDATORY_REPORT_MADE");
    browser.findElement(By.id("close")).click();
    assertThat(textOnceItShows(browser, By.id("closed-outcome"), "已依法强制报告")).contains("已依法强制报告");

    browser.get(casePage);
    new Select(browser.findElement(By.id("outcome"))).selectByValue("REFERRED_OUT");
    browser.findElement(By.id("close")).click();
    assertThat(textOnceItShows(browser, By.id("closed-outcome"), "已转介校外专业机构"))
        .contains("已转介校外专业机构");
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }
}
