package org.xinqiao.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and ChromeDriver for browser tests, started the way this machine allows: no
 * Selenium Manager (it would try to download a driver), no background networking, a fresh profile.
 * Tests are skipped, not failed, where the browser is not installed.
 */
public final class HeadlessChromium {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File DRIVER = new File("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  public static ChromeDriver start() {
    assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute(), "chromium/chromedriver not installed");
    Path profile;
    try {
      profile = Files.createTempDirectory("xinqiao-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(profile)));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=900,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /**
   * The element's text once it contains {@code expected}: after a click the old page may still be
   * there for a moment (its element of the same id found first), and its elements go stale under
   * the reader.
   */
  public static String textOnceItShows(WebDriver browser, By what, String expected) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .until(
            d -> {
              String text = d.findElement(what).getText();
              return text.contains(expected) ? text : null;
            });
  }

  public static void stop(WebDriver browser) {
    if (browser != null) {
      browser.quit();
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp profile left behind is harmless
    }
  }
}
