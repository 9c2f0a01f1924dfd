package org.xinqiao.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.channels.MessageSender;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.channels.wechat.MassSendReport;
import org.xinqiao.channels.wechat.WeChatAccount;
import org.xinqiao.channels.wechat.WeChatCallbackSigner;
import org.xinqiao.channels.wechat.WeChatCallbackSigner.SignedCallback;
import org.xinqiao.conversation.MessagePipeline;

/** The callback endpoint end to end, with a recording pipeline and sender. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
    properties = {
      "xinqiao.wechat.reply-timeout=300ms",
      // in memory, or the system of record is an H2 file under data/ that outlives the run
      "xinqiao.db.url=jdbc:h2:mem:portal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"
    })
class WeChatPortalTest {

  static final AtomicLong MSG_IDS = new AtomicLong(System.nanoTime());

  @TestConfiguration
  static class Fakes {
    final List<InboundMessage> handled = new CopyOnWriteArrayList<>();
    final List<String> sent = new CopyOnWriteArrayList<>();
    volatile CountDownLatch release = new CountDownLatch(0);
    volatile CountDownLatch delivered = new CountDownLatch(1);

    /** Primary over the real conversation pipeline, which exists in every full context. */
    @Bean
    @Primary
    MessagePipeline recordingPipeline() {
      return m -> {
        handled.add(m);
        if ("slow".equals(m.text())) {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return m.isText() ? OutboundReply.text("答复：" + m.text()) : OutboundReply.none();
      };
    }

    final List<MassSendReport> massSends = new CopyOnWriteArrayList<>();

    @EventListener
    void on(MassSendReport event) {
      massSends.add(event);
    }

    @Bean
    @Primary
    @Qualifier("wechat")
    MessageSender recordingSender() {
      return (user, text) -> {
        sent.add(user + "|" + text);
        delivered.countDown();
      };
    }
  }

  @Autowired MockMvc mvc;
  @Autowired Fakes fakes;
  @Autowired WeChatAccount account;
  WeChatCallbackSigner signer;

  @BeforeEach
  void reset() {
    fakes.handled.clear();
    fakes.sent.clear();
    fakes.massSends.clear();
    signer = new WeChatCallbackSigner(account);
  }

  static String text(String content) {
    return "<xml><ToUserName><![CDATA[gh_sim]]></ToUserName><FromUserName><![CDATA[oParent]]></FromUserName>"
        + "<CreateTime>"
        + Instant.now().getEpochSecond()
        + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
        + content
        + "]]></Content><MsgId>"
        + MSG_IDS.incrementAndGet()
        + "</MsgId></xml>";
  }

  String portal() {
    return "/wx/portal/" + account.appId();
  }

  MockHttpServletRequestBuilder request(SignedCallback s, byte[] body) {
    MockHttpServletRequestBuilder b = post(portal()).contentType("text/xml").content(body);
    s.queryParams().forEach(b::queryParam);
    return b;
  }

  MvcResult send(SignedCallback s) throws Exception {
    return mvc.perform(request(s, s.bodyBytes())).andReturn();
  }

  @Test
  void verifiesTheUrlWithAGoodSignature() throws Exception {
    String ts = Long.toString(Instant.now().getEpochSecond());
    String sig = org.xinqiao.channels.wechat.WeChatCrypto.signature(account.token(), ts, "77");
    MvcResult ok =
        mvc.perform(
                get(portal())
                    .queryParam("signature", sig)
                    .queryParam("timestamp", ts)
                    .queryParam("nonce", "77")
                    .queryParam("echostr", "hello-echo"))
            .andReturn();
    assertThat(ok.getResponse().getStatus()).isEqualTo(200);
    assertThat(ok.getResponse().getContentAsString()).isEqualTo("hello-echo");
    MvcResult forged =
        mvc.perform(
                get(portal())
                    .queryParam("signature", "0".repeat(40))
                    .queryParam("timestamp", ts)
                    .queryParam("nonce", "77")
                    .queryParam("echostr", "hello-echo"))
            .andReturn();
    assertThat(forged.getResponse().getStatus()).isEqualTo(403);
    assertThat(forged.getResponse().getContentAsString()).isEmpty();
  }

  @Test
  void plaintextCallbackReachesThePipelineAndGetsItsReply() throws Exception {
    MvcResult r = send(signer.sign(text("孩子不想上学"), false, Instant.now()));
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).contains("<ToUserName><![CDATA[oParent]]></ToUserName>");
    assertThat(signer.replyContent(body)).contains("答复：孩子不想上学");
    assertThat(fakes.handled).hasSize(1);
    assertThat(fakes.handled.get(0).accountId()).isEqualTo(account.appId());
  }

  @Test
  void safeModeCallbackGetsAnEncryptedReply() throws Exception {
    MvcResult r = send(signer.sign(text("加密"), true, Instant.now()));
    String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).contains("<Encrypt>").doesNotContain("答复");
    assertThat(signer.replyContent(body)).contains("答复：加密");
  }

  @Test
  void aRetryGetsTheSameReplyAndThePipelineRunsOnce() throws Exception {
    SignedCallback s = signer.sign(text("重试"), false, Instant.now());
    String first = send(s).getResponse().getContentAsString(StandardCharsets.UTF_8);
    String second = send(s).getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(signer.replyContent(first)).contains("答复：重试");
    assertThat(signer.replyContent(second)).isEqualTo(signer.replyContent(first));
    assertThat(fakes.handled).hasSize(1);
  }

  @Test
  void aRetryReSignedByWeChatWithANewNonceGetsTheSameReply() throws Exception {
    String xml = text("再试一次");
    String first = body(send(signer.sign(xml, false, Instant.now())));
    String again = body(send(signer.sign(xml, false, Instant.now())));

    assertThat(signer.replyContent(first)).contains("答复：再试一次");
    assertThat(signer.replyContent(again)).isEqualTo(signer.replyContent(first));
    assertThat(fakes.handled).hasSize(1);
  }

  @Test
  void aCapturedSignatureIsRefusedWithAnotherBodyAndOpenid() throws Exception {
    SignedCallback captured = signer.sign(text("真的消息"), false, Instant.now());
    assertThat(send(captured).getResponse().getStatus()).isEqualTo(200);
    byte[] forged =
        text("伪造的消息").replace("oParent", "oSomeoneElse").getBytes(StandardCharsets.UTF_8);

    MvcResult replayed = mvc.perform(request(captured, forged)).andReturn();

    assertThat(replayed.getResponse().getStatus()).isEqualTo(403);
    assertThat(replayed.getResponse().getContentAsString()).isEmpty();
    assertThat(fakes.handled).extracting(InboundMessage::text).containsExactly("真的消息");
  }

  static String body(MvcResult r) throws Exception {
    return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void aSlowPipelineAnswersSuccessAndTheReplyFollowsAsCustomerServiceMessage() throws Exception {
    fakes.release = new CountDownLatch(1);
    fakes.delivered = new CountDownLatch(1);
    SignedCallback s = signer.sign(text("slow"), false, Instant.now());
    MvcResult r = send(s);
    assertThat(r.getResponse().getContentAsString()).isEqualTo("success");
    // a retry while the first is still running is acknowledged, not run again
    assertThat(send(s).getResponse().getContentAsString()).isEqualTo("success");
    assertThat(fakes.sent).isEmpty();
    fakes.release.countDown();
    assertThat(fakes.delivered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(fakes.sent).containsExactly("oParent|答复：slow");
    assertThat(fakes.handled).hasSize(1);
    // a retry after the late send must not repeat it passively
    assertThat(send(s).getResponse().getContentAsString()).isEqualTo("success");
  }

  @Test
  void publishesAMassSendReportOnceAndNeverRunsThePipelineForIt() throws Exception {
    String xml =
        "<xml><ToUserName><![CDATA[gh_sim]]></ToUserName><FromUserName><![CDATA[oSystem]]></FromUserName>"
            + "<CreateTime>"
            + Instant.now().getEpochSecond()
            + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
            + "<Event><![CDATA[MASSSENDJOBFINISH]]></Event><MsgID>"
            + MSG_IDS.incrementAndGet()
            + "</MsgID><Status><![CDATA[send success]]></Status><TotalCount>10</TotalCount>"
            + "<FilterCount>9</FilterCount><SentCount>8</SentCount><ErrorCount>1</ErrorCount></xml>";
    SignedCallback s = signer.sign(xml, true, Instant.now());
    assertThat(send(s).getResponse().getContentAsString()).isEqualTo("success");
    assertThat(send(s).getResponse().getContentAsString()).isEqualTo("success");
    assertThat(fakes.massSends).hasSize(1);
    MassSendReport e = fakes.massSends.get(0);
    assertThat(e.sentCount()).isEqualTo(8);
    assertThat(e.errorCount()).isEqualTo(1);
    assertThat(e.status()).isEqualTo("send success");
    assertThat(fakes.handled).isEmpty();
  }

  void assertRejected(MockHttpServletRequestBuilder request, int... statuses) throws Exception {
    MvcResult r = mvc.perform(request).andReturn();
    assertThat(r.getResponse().getStatus())
        .isIn(java.util.Arrays.stream(statuses).boxed().toList());
    assertThat(r.getResponse().getContentAsString()).isEmpty();
    assertThat(fakes.handled).isEmpty();
  }

  @Test
  void rejectsForgedSignature() throws Exception {
    SignedCallback s = signer.sign(text("x"), false, Instant.now());
    MockHttpServletRequestBuilder b = post(portal()).contentType("text/xml").content(s.bodyBytes());
    b.queryParam("signature", "0".repeat(40))
        .queryParam("timestamp", s.query().timestamp())
        .queryParam("nonce", s.query().nonce());
    assertRejected(b, 403);
    assertRejected(post(portal()).contentType("text/xml").content(s.bodyBytes()), 403);
  }

  @Test
  void rejectsStaleTimestamp() throws Exception {
    SignedCallback s = signer.sign(text("x"), false, Instant.now().minusSeconds(3600));
    assertRejected(request(s, s.bodyBytes()), 400, 403);
  }

  @Test
  void rejectsOversizedBody() throws Exception {
    SignedCallback s = signer.sign(text("长".repeat(24_000)), false, Instant.now());
    assertThat(s.bodyBytes().length).isGreaterThan(70_000);
    assertRejected(request(s, s.bodyBytes()), 413);
  }

  @Test
  void rejectsHostileXml() throws Exception {
    String xxe =
        "<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><FromUserName>o</FromUserName>"
            + "<CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>";
    String laughs =
        "<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><xml><Content>&c;</Content></xml>";
    String deep = "<xml>" + "<a>".repeat(5000) + "</a>".repeat(5000) + "</xml>";
    for (String xml : List.of(xxe, laughs, deep)) {
      for (boolean safe : new boolean[] {false, true}) {
        SignedCallback s = signer.sign(xml, safe, Instant.now());
        assertRejected(request(s, s.bodyBytes()), 400);
      }
    }
  }

  @Test
  void rejectsInvalidUtf8() throws Exception {
    SignedCallback s = signer.sign(text("x"), false, Instant.now());
    byte[] body = s.bodyBytes();
    byte[] bad = java.util.Arrays.copyOf(body, body.length + 1);
    bad[body.length - 10] = (byte) 0xFF;
    assertRejected(request(s, bad), 400);
  }

  @Test
  void rejectsWrongAppid() throws Exception {
    SignedCallback s = signer.sign(text("x"), false, Instant.now());
    MockHttpServletRequestBuilder b =
        post("/wx/portal/wxNotOurs000000001").contentType("text/xml").content(s.bodyBytes());
    s.queryParams().forEach(b::queryParam);
    assertRejected(b, 404);
    WeChatAccount other =
        new WeChatAccount("wxNotOurs000000001", account.token(), account.aesKey(), null, "s", null);
    SignedCallback foreign = new WeChatCallbackSigner(other).sign(text("x"), true, Instant.now());
    assertRejected(request(foreign, foreign.bodyBytes()), 403);
  }
}
