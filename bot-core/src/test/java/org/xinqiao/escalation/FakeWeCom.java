package org.xinqiao.escalation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local stand-in for qyapi.weixin.qq.com: token, app message and group robot. */
final class FakeWeCom {

  static final FakeWeCom INSTANCE = start();

  final List<String> appMessages = new CopyOnWriteArrayList<>();
  final List<String> robotMessages = new CopyOnWriteArrayList<>();
  volatile boolean robotBroken;
  private HttpServer server;

  private static FakeWeCom start() {
    FakeWeCom fake = new FakeWeCom();
    try {
      fake.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    fake.server.createContext(
        "/cgi-bin/gettoken",
        x -> respond(x, "{\"errcode\":0,\"access_token\":\"TOKEN\",\"expires_in\":7200}"));
    fake.server.createContext(
        "/cgi-bin/message/send",
        x -> {
          String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          boolean tokenOk = x.getRequestURI().getQuery().contains("access_token=TOKEN");
          if (tokenOk) {
            fake.appMessages.add(body);
          }
          respond(x, tokenOk ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":40014}");
        });
    fake.server.createContext(
        "/cgi-bin/webhook/send",
        x -> {
          String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          if (fake.robotBroken) {
            respond(x, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
          } else {
            fake.robotMessages.add(body);
            respond(x, "{\"errcode\":0,\"errmsg\":\"ok\"}");
          }
        });
    fake.server.start();
    return fake;
  }

  private static void respond(HttpExchange x, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(200, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
