package org.xinqiao.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinqiao.channels.wechat.WeChatAccount;
import org.xinqiao.channels.wechat.WeChatCallbackSigner;
import org.xinqiao.channels.wechat.WeChatCallbackSigner.SignedCallback;
import org.xinqiao.people.Person;

/**
 * Real parallel WeChat callbacks over HTTP against the running context (two reply workers, see
 * {@link EscalationContext}): one parent floods the account while another writes in distress. The
 * flood's excess gets a polite reply or "success", never a 503; a risky message inside the flood
 * still escalates; the other parent's distress message is answered and escalated.
 */
class OneFloodingSenderStarvesNoOneTest extends EscalationContext {

  static final AtomicLong MSG_IDS = new AtomicLong(System.nanoTime());
  static final int FLOOD = 200;

  @LocalServerPort int port;
  @Autowired WeChatAccount account;

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void aFloodingSenderIsRateLimitedWhileAnotherParentsDistressMessageIsServed() throws Exception {
    Person flooder = parent();
    Person other = parent();

    List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
    CompletableFuture<HttpResponse<String>> distress = null;
    for (int i = 0; i < FLOOD; i++) {
      if (i == FLOOD / 2) {
        distress = post(other.openid(), "我儿子说他不想活了");
      }
      flood.add(post(flooder.openid(), "孩子不想上学怎么办 " + i));
    }
    CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new)).join();
    // the flooder is far over the limit now: a risky message of theirs is still screened
    CompletableFuture<HttpResponse<String>> risky = post(flooder.openid(), "我在楼顶");

    List<Integer> statuses =
        flood.stream().map(f -> f.join().statusCode()).distinct().sorted().toList();
    assertThat(statuses).as("no callback of the flood is refused").containsExactly(200);
    String floodReplies =
        flood.stream().map(f -> reply(f.join())).collect(Collectors.joining("\n"));
    assertThat(floodReplies).as("the flooder is told once to slow down").contains("消息有点多");

    assertThat(distress.join().statusCode()).isEqualTo(200);
    assertThat(reply(distress.join()) + String.join("\n", sender.to(other.openid())))
        .contains("SAFE-HIGH");
    assertThat(escalationOf(other).urgency()).isEqualTo(Urgency.HIGH);

    assertThat(risky.join().statusCode()).isEqualTo(200);
    assertThat(reply(risky.join()) + String.join("\n", sender.to(flooder.openid())))
        .contains("SAFE-IMMINENT");
    assertThat(escalationOf(flooder).urgency()).isEqualTo(Urgency.IMMINENT);
  }

  private CompletableFuture<HttpResponse<String>> post(String openid, String text) {
    String xml =
        "<xml><ToUserName><![CDATA[gh_sim]]></ToUserName><FromUserName><![CDATA["
            + openid
            + "]]></FromUserName><CreateTime>"
            + Instant.now().getEpochSecond()
            + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
            + text
            + "]]></Content><MsgId>"
            + MSG_IDS.incrementAndGet()
            + "</MsgId></xml>";
    SignedCallback s = new WeChatCallbackSigner(account).sign(xml, false, Instant.now());
    String query =
        s.queryParams().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + port + "/wx/portal/" + account.appId() + "?" + query))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "text/xml;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(s.body(), StandardCharsets.UTF_8))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private String reply(HttpResponse<String> r) {
    return new WeChatCallbackSigner(account).replyContent(r.body()).orElse("");
  }
}
