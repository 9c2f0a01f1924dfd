package org.xinqiao.escalation;

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
import org.xinqiao.people.Person;
import org.xinqiao.testsupport.HeadlessChromium;

/**
 * A counselor in a real headless Chromium: logs in with a code from the chat, finds the escalation
 * in the list, reads the transcript, acknowledges, replies to the parent and closes it.
 */
class EscalationConsoleBrowserTest extends EscalationContext {

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
  void counselorAcknowledgesRepliesAndClosesAnEscalationInTheConsole() {
    Person parent = parent();
    send(parent.openid(), "孩子这几天不说话");
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    Person zhang = counselor("张老师");

    open("/console/login");
    browser.findElement(By.id("code")).sendKeys(login.issueCode(zhang));
    browser.findElement(By.id("login")).click();
    // the login is a form post: under load the session may not be there yet when the next page
    // opens
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(b -> !b.getCurrentUrl().contains("/console/login"));
    open("/console/escalations");
    var row = browser.findElement(By.cssSelector("#open tr[data-id='" + e.id() + "']"));
    assertThat(row.getText()).contains("高风险").contains("自杀相关").contains("家长").contains("待接手");
    row.findElement(By.tagName("a")).click();

    assertThat(browser.findElement(By.id("transcript")).getText())
        .contains("孩子这几天不说话")
        .contains("女儿说她不想活了");
    browser.findElement(By.id("acknowledge")).click();
    // each button is a form post: the old page may still be there for a moment
    assertThat(textOnceItShows(browser, By.id("status"), "处理中")).isEqualTo("处理中");
    assertThat(escalations.find(e.id()).orElseThrow().acknowledgedByName()).isEqualTo("张老师");

    browser.findElement(By.id("text")).sendKeys("您好，我是学校的张老师，孩子现在在您身边吗？");
    browser.findElement(By.id("send")).click();
    assertThat(textOnceItShows(browser, By.id("notice"), "已发送")).contains("已发送");
    assertThat(sender.to(parent.openid()))
        .anyMatch(t -> t.startsWith("【心理老师 ") && t.endsWith("您好，我是学校的张老师，孩子现在在您身边吗？"));

    send(parent.openid(), "在的，她在我旁边");
    open("/console/escalations/" + e.id());
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(b -> b.findElement(By.id("messages")).getText().contains("她在我旁边"));

    new Select(browser.findElement(By.id("outcome"))).selectByValue("REFERRED");
    browser.findElement(By.id("note")).sendKeys("已与家长通话，转介医院心理科");
    browser.findElement(By.id("close")).click();
    // the close is a form post: under load the next page may not be there yet
    assertThat(
            new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> b.findElement(By.id("closed-outcome")))
                .getText())
        .contains("已转介")
        .contains("张老师");
    assertThat(escalations.find(e.id()).orElseThrow().status()).isEqualTo(EscalationStatus.CLOSED);

    open("/console/escalations");
    assertThat(browser.findElements(By.cssSelector("#open tr[data-id='" + e.id() + "']")))
        .isEmpty();
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }
}
