package org.xinqiao.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole bot on a real port, as an IT person would start it. A fixed free port (not port 0) so
 * that {@code xinqiao.wechat.api-base-url = http://localhost:${server.port}/sim/wxapi} is a working
 * URL for the bot's WeChat client. Subclasses share one Spring context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:simulator;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
      // the system of record too, or it is an H2 file under data/ that outlives the run
      "xinqiao.db.url=jdbc:h2:mem:simulator;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
      "xinqiao.simulator.enabled=true",
      // the weekly push is triggered by the tests that need it, not by a timer racing them
      "xinqiao.scheduler.enabled=false",
      // a loaded CI machine must not turn a passive reply into a customer-service message
      "xinqiao.wechat.reply-timeout=30s",
      "xinqiao.push.time=00:00"
    })
abstract class SimulatorAppTest {

  static final int PORT = freePort();

  /**
   * Term week 1 began two Mondays before this one, so "now" is in week 3 and, with the push slot at
   * Monday 00:00, week 3's article is due (WeeklyPushThroughSimulatorTest).
   */
  static final LocalDate TERM_START =
      LocalDate.now(ZoneId.of("Asia/Shanghai"))
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
          .minusWeeks(2);

  @DynamicPropertySource
  static void port(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("xinqiao.push.term-start", TERM_START::toString);
  }

  static String base() {
    return "http://127.0.0.1:" + PORT;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
