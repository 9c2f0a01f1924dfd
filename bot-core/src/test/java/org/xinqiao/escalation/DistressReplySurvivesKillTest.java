package org.xinqiao.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinqiao.XinQiaoApplication;
import org.xinqiao.channels.wechat.WeChatAccount;
import org.xinqiao.channels.wechat.WeChatCallbackSigner;
import org.xinqiao.channels.wechat.WeChatCallbackSigner.SignedCallback;

/**
 * A real crash: the application runs as a child JVM on an embedded H2 file database, a parent's
 * distress message arrives as a signed WeChat callback over HTTP, and the instant the reply that
 * promises a counselor arrives the process is killed with SIGKILL ({@code destroyForcibly}). A new
 * process on the same data directory must still have the escalation and page the counselor: the
 * reply may only go out once the escalation is on disk.
 */
class DistressReplySurvivesKillTest {

  // the embedded default's own simulator account (application.yml)
  static final WeChatAccount SIMULATOR =
      new WeChatAccount(
          "wxsimulator0000001",
          "xinqiao-simulator-token",
          "S9rIgCqIzqClZfbowFUBI683hHh5fxKxnYZUB0CxdLg",
          null,
          "simulator-secret",
          null);
  static final String PARENT = "o_sim_parent_0001";
  static final String COUNSELOR = "o_sim_counselor_0001";

  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopChildren() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anEscalationWhoseReplyWentOutSurvivesAKillNineRightAfterTheReply() throws Exception {
    int port = freePort();
    Process first = start(port, "first");
    awaitReady(port, first);

    HttpResponse<String> reply = postCallback(port, distress());
    // SIGKILL the instant the reply is in: nothing gets a chance to flush after this
    first.destroyForcibly();
    assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(new WeChatCallbackSigner(SIMULATOR).replyContent(reply.body()))
        .get()
        .asString()
        .contains("心理老师");

    Process second = start(port, "second");
    awaitReady(port, second);
    // the counselor writes in, so WeChat's 48-hour window lets the page through
    simulatorSend(port, COUNSELOR, "在的");
    // generous: on a loaded 2-core machine two child JVMs and the page retries take a while
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    String messages = "";
    while (System.nanoTime() < deadline) {
      messages = get(port, "/sim/api/messages?openid=" + COUNSELOR);
      if (messages.contains("心桥紧急提醒 #")) {
        break;
      }
      Thread.sleep(250);
    }
    assertThat(messages)
        .as("after the restart the escalation exists and its page reaches the counselor")
        .contains("心桥紧急提醒 #");
  }

  private Process start(int port, String name) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        List.of(
            java,
            "-Xmx400m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Dfile.encoding=UTF-8",
            "-cp",
            System.getProperty("java.class.path"),
            XinQiaoApplication.class.getName(),
            "--server.port=" + port,
            "--xinqiao.db.data-dir=" + dir.resolve("data"),
            "--xinqiao.wechat.create-menu=false",
            "--xinqiao.scheduler.polling-interval=300ms",
            "--xinqiao.escalation.retry.first=1s",
            "--xinqiao.escalation.retry.max=2s");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile())
            .start();
    started.add(p);
    return p;
  }

  private void awaitReady(int port, Process p) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(p.isAlive()).as("child JVM died: %s", log()).isTrue();
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(base(port, "/sim/api/personas")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("child JVM not ready: " + log());
  }

  private String log() {
    try (var files = Files.list(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".log"))
          .map(
              f -> {
                try {
                  String s = Files.readString(f);
                  return f.getFileName() + ":\n" + s.substring(Math.max(0, s.length() - 4000));
                } catch (IOException e) {
                  return f.toString();
                }
              })
          .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static String distress() {
    return "<xml><ToUserName><![CDATA[gh_simulator0001]]></ToUserName><FromUserName><![CDATA["
        + PARENT
        + "]]></FromUserName><CreateTime>"
        + Instant.now().getEpochSecond()
        + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[我儿子说他不想活了]]></Content>"
        + "<MsgId>"
        + System.nanoTime()
        + "</MsgId></xml>";
  }

  private HttpResponse<String> postCallback(int port, String xml) throws Exception {
    SignedCallback s = new WeChatCallbackSigner(SIMULATOR).sign(xml, true, Instant.now());
    String query =
        s.queryParams().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(base(port, "/wx/portal/" + SIMULATOR.appId() + "?" + query))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "text/xml;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(s.body(), StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void simulatorSend(int port, String openid, String text) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base(port, "/sim/api/send"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"openid\":\"" + openid + "\",\"text\":\"" + text + "\"}",
                        StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(200);
  }

  private String get(int port, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(base(port, path)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .body();
  }

  private static URI base(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
