package org.xinqiao.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.xinqiao.testsupport.HeadlessChromium;

/**
 * The simulator page in real headless Chromium against the whole bot: a parent types, clicks the
 * menu and switches on safe mode, and each time a reply bubble from the bot appears. Skipped when
 * Debian's chromium and chromium-driver are not installed (.ci/run installs them).
 */
class SimulatorPageBrowserTest extends SimulatorAppTest {

  private static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() {
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    HeadlessChromium.stop(browser);
  }

  @Test
  void aParentChatsClicksTheMenuAndUsesSafeMode() throws Exception {
    browser.get(base() + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(d -> d.findElements(By.cssSelector("#persona option")).size() >= 3);
    assertThat(browser.findElement(By.id("account-name")).getText()).isEqualTo("心桥");
    new Select(browser.findElement(By.id("persona"))).selectByValue("o_sim_parent_0001");

    type("孩子最近不想上学，怎么办？");
    wait.until(d -> botBubbles().size() >= 1);
    assertThat(userBubbles()).extracting(WebElement::getText).contains("孩子最近不想上学，怎么办？");
    assertThat(botBubbles().get(0).getText()).isNotBlank();

    int before = botBubbles().size();
    browser.findElement(By.cssSelector("#menu button[data-key='BOOK']")).click();
    wait.until(d -> botBubbles().size() > before);

    browser.findElement(By.id("safe-mode")).click();
    int beforeSafe = botBubbles().size();
    type("<b>你好</b>");
    wait.until(d -> botBubbles().size() > beforeSafe);
    // the text arrived as text, not markup: no <b> element was created from user input
    assertThat(browser.findElements(By.cssSelector("#chat b"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("#chat .system.error"))).isEmpty();
    wait.until(d -> !d.findElements(By.cssSelector("#log li")).isEmpty());

    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(),
        Path.of("target", "simulator-page.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private void type(String text) {
    WebElement input = browser.findElement(By.id("text"));
    input.sendKeys(text);
    input.sendKeys(Keys.ENTER);
  }

  private static List<WebElement> botBubbles() {
    return browser.findElements(By.cssSelector("#chat .msg.bot .bubble"));
  }

  private static List<WebElement> userBubbles() {
    return browser.findElements(By.cssSelector("#chat .msg.user .bubble"));
  }
}
