package org.xinqiao.channels.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xinqiao.channels.simulator.PassiveReply.Status;

class SimulatedWeChatServerTest {

  private static final SimulatedAccount ACCOUNT =
      new SimulatedAccount(
          "wxsimulator0000001",
          "gh_simulator0001",
          "xinqiao-simulator-token",
          "S9rIgCqIzqClZfbowFUBI683hHh5fxKxnYZUB0CxdLg");
  private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

  private final SimulatedWeChatServer server =
      new SimulatedWeChatServer(ACCOUNT, Clock.fixed(NOW, ZoneOffset.UTC));
  private final CallbackCipher cipher =
      new CallbackCipher(ACCOUNT.encodingAesKey(), ACCOUNT.appId());

  @Test
  void signsAPlainTextMessageLikeWeChat() {
    SignedCallback callback = server.text("o_sim_parent_0001", "你好 <b>&]]>", false);

    Map<String, String> q = callback.query();
    assertThat(q).containsKeys("signature", "timestamp", "nonce", "openid");
    assertThat(q).doesNotContainKeys("encrypt_type", "msg_signature");
    assertThat(q.get("timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(q.get("signature"))
        .isEqualTo(CallbackCipher.signature(ACCOUNT.token(), q.get("timestamp"), q.get("nonce")));
    Map<String, String> xml = CallbackXml.read(callback.body());
    assertThat(xml)
        .containsEntry("ToUserName", "gh_simulator0001")
        .containsEntry("FromUserName", "o_sim_parent_0001")
        .containsEntry("MsgType", "text")
        .containsEntry("Content", "你好 <b>&]]>")
        .containsEntry("CreateTime", Long.toString(NOW.getEpochSecond()))
        .containsKey("MsgId");
  }

  @Test
  void givesEveryMessageAFreshMsgId() {
    String first = CallbackXml.read(server.text("o1", "a", false).body()).get("MsgId");
    String second = CallbackXml.read(server.text("o1", "a", false).body()).get("MsgId");

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void encryptsAMenuClickInSafeMode() {
    SignedCallback callback = server.event("o_sim_parent_0001", "CLICK", "BOOK", true);

    Map<String, String> q = callback.query();
    assertThat(q).containsEntry("encrypt_type", "aes");
    Map<String, String> outer = CallbackXml.read(callback.body());
    assertThat(outer).containsOnlyKeys("ToUserName", "Encrypt");
    String envelope = outer.get("Encrypt");
    assertThat(q.get("msg_signature"))
        .isEqualTo(
            CallbackCipher.signature(
                ACCOUNT.token(), q.get("timestamp"), q.get("nonce"), envelope));
    Map<String, String> inner = CallbackXml.read(cipher.decrypt(envelope));
    assertThat(inner)
        .containsEntry("MsgType", "event")
        .containsEntry("Event", "CLICK")
        .containsEntry("EventKey", "BOOK")
        .containsEntry("FromUserName", "o_sim_parent_0001");
  }

  @Test
  void readsAPlainTextReply() {
    String body = reply("o1", "您好，我是心桥助手。");

    PassiveReply reply = server.readReply("o1", body);

    assertThat(reply.status()).isEqualTo(Status.MESSAGE);
    assertThat(reply.text()).isEqualTo("您好，我是心桥助手。");
    assertThat(reply.encrypted()).isFalse();
  }

  @Test
  void decryptsASignedEncryptedReply() {
    String envelope = cipher.encrypt(reply("o1", "加密的回复"));
    String body =
        encryptedReply(envelope, CallbackCipher.signature(ACCOUNT.token(), "1", "2", envelope));

    PassiveReply reply = server.readReply("o1", body);

    assertThat(reply.status()).isEqualTo(Status.MESSAGE);
    assertThat(reply.text()).isEqualTo("加密的回复");
    assertThat(reply.encrypted()).isTrue();
  }

  @Test
  void rejectsAnEncryptedReplyWithAForgedSignature() {
    String envelope = cipher.encrypt(reply("o1", "加密的回复"));

    PassiveReply reply = server.readReply("o1", encryptedReply(envelope, "0".repeat(40)));

    assertThat(reply.status()).isEqualTo(Status.BROKEN);
  }

  @Test
  void treatsSuccessAndEmptyAsNoReply() {
    assertThat(server.readReply("o1", "success").status()).isEqualTo(Status.NONE);
    assertThat(server.readReply("o1", "").status()).isEqualTo(Status.NONE);
  }

  @Test
  void rejectsAReplyAddressedToSomeoneElse() {
    assertThat(server.readReply("o1", reply("o2", "hi")).status()).isEqualTo(Status.BROKEN);
  }

  @Test
  void rejectsAReplyWithADoctype() {
    String hostile =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<xml><ToUserName>o1</ToUserName><MsgType>text</MsgType><Content>&e;</Content></xml>";

    assertThat(server.readReply("o1", hostile).status()).isEqualTo(Status.BROKEN);
  }

  private static String reply(String to, String content) {
    return new CallbackXml()
        .cdata("ToUserName", to)
        .cdata("FromUserName", "gh_simulator0001")
        .number("CreateTime", 1)
        .cdata("MsgType", "text")
        .cdata("Content", content)
        .build();
  }

  private static String encryptedReply(String envelope, String signature) {
    return "<xml><Encrypt><![CDATA["
        + envelope
        + "]]></Encrypt><MsgSignature><![CDATA["
        + signature
        + "]]></MsgSignature><TimeStamp>1</TimeStamp><Nonce><![CDATA[2]]></Nonce></xml>";
  }
}
