package org.xinqiao.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
      "xinqiao.simulator.enabled=true"
    })
abstract class SimulatorAppTest {

  static final int PORT = freePort();

  @DynamicPropertySource
  static void port(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
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
