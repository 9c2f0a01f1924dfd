package org.xinqiao.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.channels.wechat.CallbackResult.Accepted;
import org.xinqiao.channels.wechat.CallbackResult.Reason;
import org.xinqiao.channels.wechat.CallbackResult.Rejected;
import org.xinqiao.channels.wechat.WeChatCallbackSigner.SignedCallback;

/** Decoding real-shaped callbacks, and refusing hostile ones before they reach a parser. */
class CallbackCodecTest {

  static final String KEY = TestVectorsTest.SAMPLE_KEY;
  static final String OLD_KEY = "B".repeat(43);
  static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  static final WeChatAccount ACCOUNT =
      new WeChatAccount("wxtest000000000001", "tok", KEY, OLD_KEY, "secret", null);

  final WeChatCallbackCodec codec =
      new WeChatCallbackCodec(ACCOUNT, Duration.ofSeconds(300), Clock.fixed(NOW, ZoneOffset.UTC));
  final WeChatCallbackSigner signer = new WeChatCallbackSigner(ACCOUNT);

  static String text(String content, long msgId) {
    return "<xml><ToUserName><![CDATA[gh_school]]></ToUserName>"
        + "<FromUserName><![CDATA[oParent1]]></FromUserName>"
        + "<CreateTime>"
        + NOW.getEpochSecond()
        + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        + "<Content><![CDATA["
        + content
        + "]]></Content><MsgId>"
        + msgId
        + "</MsgId></xml>";
  }

  static String event(String event, String key) {
    return "<xml><ToUserName><![CDATA[gh_school]]></ToUserName>"
        + "<FromUserName><![CDATA[oParent1]]></FromUserName>"
        + "<CreateTime>1772438400</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        + "<Event><![CDATA["
        + event
        + "]]></Event>"
        + (key == null ? "" : "<EventKey><![CDATA[" + key + "]]></EventKey>")
        + "</xml>";
  }

  CallbackResult decode(SignedCallback signed) {
    return codec.decode(signed.query(), signed.bodyBytes());
  }

  static Reason reason(CallbackResult r) {
    assertThat(r).isInstanceOf(Rejected.class);
    return ((Rejected) r).reason();
  }

  @Test
  void decodesPlaintextText() {
    CallbackResult r = decode(signer.sign(text("孩子最近不想上学", 42), false, NOW));
    InboundMessage m = ((Accepted) r).message();
    assertThat(m.text()).isEqualTo("孩子最近不想上学");
    assertThat(m.accountId()).isEqualTo("wxtest000000000001");
    assertThat(m.channel()).isEqualTo("wechat");
    assertThat(m.dedupeKey()).isEqualTo("wechat:wxtest000000000001:msg:42");
    assertThat(((Accepted) r).safeMode()).isFalse();
  }

  @Test
  void decodesSafeModeAndAcceptsThePreviousKeyAfterRotation() {
    assertThat(((Accepted) decode(signer.sign(text("hi", 1), true, NOW))).message().text())
        .isEqualTo("hi");
    WeChatAccount before = new WeChatAccount(ACCOUNT.appId(), "tok", OLD_KEY, null, "s", null);
    SignedCallback old = new WeChatCallbackSigner(before).sign(text("old key", 2), true, NOW);
    assertThat(((Accepted) decode(old)).message().text()).isEqualTo("old key");
  }

  @Test
  void eventsKeyOnSenderTimeEventAndKeyWithoutTheRawOpenid() {
    InboundMessage click =
        ((Accepted) decode(signer.sign(event("CLICK", "BOOK"), false, NOW))).message();
    InboundMessage ask =
        ((Accepted) decode(signer.sign(event("CLICK", "ASK"), false, NOW))).message();
    assertThat(click.kind()).isEqualTo(InboundMessage.Kind.EVENT);
    assertThat(click.event()).isEqualTo("CLICK");
    assertThat(click.eventKey()).isEqualTo("BOOK");
    assertThat(click.dedupeKey()).isNotEqualTo(ask.dedupeKey()).doesNotContain("oParent1");
    InboundMessage again =
        ((Accepted) decode(signer.sign(event("CLICK", "BOOK"), false, NOW))).message();
    assertThat(again.dedupeKey()).isEqualTo(click.dedupeKey());
    for (String e : new String[] {"subscribe", "unsubscribe", "VIEW", "SCAN"}) {
      assertThat(((Accepted) decode(signer.sign(event(e, null), false, NOW))).message().event())
          .isEqualTo(e);
    }
  }

  @Test
  void keepsMassSendCounts() {
    String xml =
        "<xml><ToUserName><![CDATA[gh_school]]></ToUserName><FromUserName><![CDATA[oSys]]></FromUserName>"
            + "<CreateTime>1772438400</CreateTime><MsgType><![CDATA[event]]></MsgType>"
            + "<Event><![CDATA[MASSSENDJOBFINISH]]></Event><MsgID>1000001625</MsgID>"
            + "<Status><![CDATA[send success]]></Status><TotalCount>100</TotalCount>"
            + "<FilterCount>80</FilterCount><SentCount>75</SentCount><ErrorCount>5</ErrorCount>"
            + "<CopyrightCheckResult><Count>0</Count><ResultList></ResultList></CopyrightCheckResult>"
            + "</xml>";
    Accepted a = (Accepted) decode(signer.sign(xml, false, NOW));
    assertThat(a.massSend())
        .isEqualTo(new MassSendReport("1000001625", "send success", 100, 80, 75, 5));
    assertThat(a.message().eventKey()).isEqualTo("1000001625");
  }

  @Test
  void imageAndUnrecognisedVoiceHaveAKindButNoText() {
    String image =
        "<xml><ToUserName>gh</ToUserName><FromUserName>oP</FromUserName><CreateTime>1</CreateTime>"
            + "<MsgType>image</MsgType><PicUrl>http://x/y</PicUrl><MsgId>7</MsgId></xml>";
    String voice =
        image
            .replace("image", "voice")
            .replace("<MsgId>7", "<Format>amr</Format><Recognition></Recognition><MsgId>8");
    InboundMessage i = ((Accepted) decode(signer.sign(image, false, NOW))).message();
    InboundMessage v = ((Accepted) decode(signer.sign(voice, false, NOW))).message();
    assertThat(i.kind()).isEqualTo(InboundMessage.Kind.IMAGE);
    assertThat(v.kind()).isEqualTo(InboundMessage.Kind.VOICE);
    assertThat(i.text()).isNull();
    assertThat(v.text()).isNull();
  }

  @Test
  void voiceWithSpeechRecognitionIsReadAsItsText() {
    String voice =
        "<xml><ToUserName>gh</ToUserName><FromUserName>oP</FromUserName><CreateTime>1</CreateTime>"
            + "<MsgType>voice</MsgType><MediaId>m1</MediaId><Format>amr</Format>"
            + "<Recognition><![CDATA[我不想活了]]></Recognition><MsgId>9</MsgId></xml>";
    InboundMessage v = ((Accepted) decode(signer.sign(voice, false, NOW))).message();
    assertThat(v.kind()).isEqualTo(InboundMessage.Kind.TEXT);
    assertThat(v.text()).isEqualTo("我不想活了");
    assertThat(v.dedupeKey()).endsWith("msg:9");
  }

  @Test
  void rejectsForgedSignature() {
    SignedCallback s = signer.sign(text("x", 1), false, NOW);
    CallbackRequest q = s.query();
    CallbackRequest forged =
        new CallbackRequest("0".repeat(40), q.timestamp(), q.nonce(), null, null);
    assertThat(reason(codec.decode(forged, s.bodyBytes()))).isEqualTo(Reason.BAD_SIGNATURE);
    CallbackRequest missing = new CallbackRequest(null, q.timestamp(), q.nonce(), null, null);
    assertThat(reason(codec.decode(missing, s.bodyBytes()))).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsForgedMsgSignatureInSafeMode() {
    SignedCallback s = signer.sign(text("x", 1), true, NOW);
    CallbackRequest q = s.query();
    CallbackRequest forged =
        new CallbackRequest(q.signature(), q.timestamp(), q.nonce(), "aes", "1".repeat(40));
    assertThat(reason(codec.decode(forged, s.bodyBytes()))).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void refusesPlaintextWhenTheAccountRunsInSafeModeOnly() {
    WeChatCallbackCodec strict =
        new WeChatCallbackCodec(ACCOUNT, null, Clock.fixed(NOW, ZoneOffset.UTC), false);
    SignedCallback plain = signer.sign(text("x", 1), false, NOW);
    assertThat(reason(strict.decode(plain.query(), plain.bodyBytes())))
        .isEqualTo(Reason.PLAINTEXT_REFUSED);
    SignedCallback safe = signer.sign(text("x", 1), true, NOW);
    assertThat(strict.decode(safe.query(), safe.bodyBytes())).isInstanceOf(Accepted.class);
  }

  @Test
  void rejectsStaleTimestamp() {
    SignedCallback old = signer.sign(text("x", 1), false, NOW.minusSeconds(301));
    assertThat(reason(decode(old))).isEqualTo(Reason.STALE_TIMESTAMP);
    SignedCallback future = signer.sign(text("x", 1), false, NOW.plusSeconds(301));
    assertThat(reason(decode(future))).isEqualTo(Reason.STALE_TIMESTAMP);
    assertThat(decode(signer.sign(text("x", 1), false, NOW.minusSeconds(299))))
        .isInstanceOf(Accepted.class);
  }

  @Test
  void rejectsXxe() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<xml><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>"
            + "<Content>&xxe;</Content><MsgId>1</MsgId></xml>";
    assertThat(reason(decode(signer.sign(xxe, false, NOW)))).isEqualTo(Reason.MALFORMED);
    assertThat(reason(decode(signer.sign(xxe, true, NOW)))).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void rejectsBillionLaughs() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("]>");
    String bomb =
        dtd
            + "<xml><FromUserName>o</FromUserName><CreateTime>1</CreateTime>"
            + "<MsgType>text</MsgType><Content>&lol9;</Content><MsgId>1</MsgId></xml>";
    assertThat(reason(decode(signer.sign(bomb, false, NOW)))).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void rejectsDeepNestingWithoutOverflowingTheStack() {
    String deep = "<xml>" + "<a>".repeat(5000) + "</a>".repeat(5000) + "</xml>";
    assertThat(reason(decode(signer.sign(deep, false, NOW)))).isEqualTo(Reason.MALFORMED);
    assertThat(reason(decode(signer.sign(deep, true, NOW)))).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void rejectsInvalidUtf8() {
    SignedCallback s = signer.sign(text("x", 1), false, NOW);
    byte[] body = s.bodyBytes().clone();
    byte[] bad = new byte[body.length + 2];
    System.arraycopy(body, 0, bad, 0, body.length);
    bad[body.length] = (byte) 0xC3;
    bad[body.length + 1] = (byte) 0x28;
    assertThat(reason(codec.decode(s.query(), bad))).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void rejectsAPayloadEncryptedForAnotherApp() {
    WeChatAccount other = new WeChatAccount("wxSomeoneElse00001", "tok", KEY, null, "s", null);
    SignedCallback s = new WeChatCallbackSigner(other).sign(text("x", 1), true, NOW);
    assertThat(reason(decode(s))).isEqualTo(Reason.WRONG_APPID);
  }

  @Test
  void rejectsGarbageBase64() {
    for (String garbage : new String[] {"AAAA", "not base64 at all!", "QUJD", "=====", ""}) {
      String ts = Long.toString(NOW.getEpochSecond());
      CallbackRequest q =
          new CallbackRequest(
              WeChatCrypto.signature("tok", ts, "1"),
              ts,
              "1",
              "aes",
              WeChatCrypto.signature("tok", ts, "1", garbage));
      byte[] body = TestVectorsTest.envelope(garbage).getBytes(StandardCharsets.UTF_8);
      assertThat(codec.decode(q, body)).isInstanceOf(Rejected.class);
    }
  }

  @Test
  void rejectsMessagesMissingTheirIdentity() {
    String noSender = text("x", 1).replace("<FromUserName><![CDATA[oParent1]]></FromUserName>", "");
    assertThat(reason(decode(signer.sign(noSender, false, NOW)))).isEqualTo(Reason.MALFORMED);
    assertThat(reason(decode(signer.sign("not xml at all", false, NOW))))
        .isEqualTo(Reason.MALFORMED);
  }

  @Test
  void passiveReplyEscapesCdataEndAndRoundTrips() {
    Accepted a = (Accepted) decode(signer.sign(text("x", 1), false, NOW));
    String tricky = "a]]>b<c>&d \u0001 心桥";
    String reply = codec.encodeReply(a, tricky);
    assertThat(reply).contains("<ToUserName><![CDATA[oParent1]]></ToUserName>");
    assertThat(reply).contains("<FromUserName><![CDATA[gh_school]]></FromUserName>");
    assertThat(signer.replyContent(reply)).contains("a]]>b<c>&d  心桥");
  }

  @Test
  void safeModeReplyIsAnEncryptedSignedEnvelope() {
    Accepted a = (Accepted) decode(signer.sign(text("x", 1), true, NOW));
    String reply = codec.encodeReply(a, "我们在这里");
    assertThat(reply).contains("<Encrypt>").contains("<MsgSignature>").doesNotContain("我们");
    assertThat(signer.replyContent(reply)).contains("我们在这里");
  }
}
