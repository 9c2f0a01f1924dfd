package org.xinqiao.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.xinqiao.channels.simulator.SignedCallback;

/**
 * Delivers a signed callback to this server's {@code /wx/portal/{appid}} over real HTTP, with
 * WeChat's habits: 5 s to answer, and up to 3 deliveries of the same message when no answer comes.
 */
final class PortalClient {

  static final Duration WECHAT_WAIT = Duration.ofSeconds(5);
  static final int WECHAT_DELIVERIES = 3;

  /** The outcome of delivering one callback: the last HTTP answer, or why none came. */
  record Delivery(int httpStatus, String body, int attempts, String failure) {
    boolean answered() {
      return failure == null && httpStatus >= 200 && httpStatus < 300;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final LocalServer server;
  private final String appId;

  PortalClient(LocalServer server, String appId) {
    this.server = server;
    this.appId = appId;
  }

  Delivery deliver(SignedCallback callback) throws InterruptedException {
    URI uri = URI.create(server.baseUrl() + "/wx/portal/" + appId + "?" + callback.queryString());
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(WECHAT_WAIT)
            .header("Content-Type", "text/xml;charset=UTF-8")
            .header("User-Agent", "Mozilla/4.0 (XinQiao simulator)")
            .POST(HttpRequest.BodyPublishers.ofString(callback.body(), StandardCharsets.UTF_8))
            .build();
    Delivery last = null;
    for (int attempt = 1; attempt <= WECHAT_DELIVERIES; attempt++) {
      try {
        HttpResponse<String> response =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        last = new Delivery(response.statusCode(), response.body(), attempt, null);
        if (response.statusCode() < 500) {
          return last;
        }
      } catch (HttpTimeoutException e) {
        last = new Delivery(0, null, attempt, "5 秒内没有回复");
      } catch (IOException e) {
        last = new Delivery(0, null, attempt, "无法连接 /wx/portal：" + e.getClass().getSimpleName());
      }
    }
    return last;
  }
}
