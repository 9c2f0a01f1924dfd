package org.xinqiao.simulator;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Where this server listens, learned when the web server starts (the configured port may be 0), so
 * the simulator can deliver callbacks over real HTTP exactly as WeChat would.
 */
final class LocalServer {

  private final String contextPath;
  private final String host;
  private volatile int port = -1;

  LocalServer(Environment env) {
    this.contextPath = env.getProperty("server.servlet.context-path", "").replaceAll("/+$", "");
    this.host = hostFor(env.getProperty("server.address", ""));
  }

  /** Loopback unless the server listens on one specific other address. */
  static String hostFor(String address) {
    String a = address.strip();
    if (a.isEmpty() || a.equals("0.0.0.0") || a.equals("::") || a.equals("[::]")) {
      return "127.0.0.1";
    }
    return a.contains(":") && !a.startsWith("[") ? "[" + a + "]" : a;
  }

  @EventListener
  void started(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      port = event.getWebServer().getPort();
    }
  }

  /** The base URL of this server, e.g. http://127.0.0.1:8080; fails before the server started. */
  String baseUrl() {
    if (port <= 0) {
      throw new IllegalStateException("the web server has not started yet");
    }
    return "http://" + host + ":" + port + contextPath;
  }
}
