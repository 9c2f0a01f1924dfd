package org.xinqiao.simulator;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.channels.simulator.CallbackCipher;
import org.xinqiao.conversation.MessagePipeline;

/**
 * TEMPORARY, test only: a minimal {@code /wx/portal/{appid}} until the WeChat helper's portal
 * controller reaches main. Delete this file on that merge (the mappings would clash).
 */
@RestController
@TestComponent
class StandInPortal {

  private static final String TOKEN = "xinqiao-simulator-token";
  private static final String KEY = "S9rIgCqIzqClZfbowFUBI683hHh5fxKxnYZUB0CxdLg";

  private final MessagePipeline pipeline;

  StandInPortal(MessagePipeline pipeline) {
    this.pipeline = pipeline;
  }

  @PostMapping("/wx/portal/{appid}")
  ResponseEntity<String> callback(
      @PathVariable String appid,
      @RequestParam String signature,
      @RequestParam String timestamp,
      @RequestParam String nonce,
      @RequestParam(name = "encrypt_type", required = false) String encryptType,
      @RequestParam(name = "msg_signature", required = false) String msgSignature,
      @RequestBody String body) {
    if (!CallbackCipher.signature(TOKEN, timestamp, nonce).equals(signature)) {
      return ResponseEntity.status(403).build();
    }
    CallbackCipher cipher = new CallbackCipher(KEY, appid);
    boolean aes = "aes".equals(encryptType);
    String xml = body;
    if (aes) {
      String envelope = field(body, "Encrypt");
      if (!CallbackCipher.signature(TOKEN, timestamp, nonce, envelope).equals(msgSignature)) {
        return ResponseEntity.status(403).build();
      }
      xml = cipher.decrypt(envelope);
    }
    String from = field(xml, "FromUserName");
    Instant at = Instant.ofEpochSecond(Long.parseLong(field(xml, "CreateTime")));
    InboundMessage message =
        "text".equals(field(xml, "MsgType"))
            ? InboundMessage.text(
                "wechat", appid, from, field(xml, "Content"), field(xml, "MsgId"), at)
            : InboundMessage.event(
                "wechat", appid, from, field(xml, "Event"), field(xml, "EventKey"), from + at, at);
    OutboundReply reply = pipeline.handle(message);
    if (reply.isEmpty()) {
      return ResponseEntity.ok("success");
    }
    String answer =
        "<xml><ToUserName><![CDATA[%s]]></ToUserName><FromUserName><![CDATA[%s]]></FromUserName>"
                .formatted(from, field(xml, "ToUserName"))
            + "<CreateTime>%d</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                .formatted(at.getEpochSecond())
            + "<Content><![CDATA[%s]]></Content></xml>".formatted(reply.text());
    if (!aes) {
      return ResponseEntity.ok(answer);
    }
    String envelope = cipher.encrypt(answer);
    return ResponseEntity.ok(
        "<xml><Encrypt><![CDATA[%s]]></Encrypt><MsgSignature><![CDATA[%s]]></MsgSignature>"
                .formatted(envelope, CallbackCipher.signature(TOKEN, timestamp, nonce, envelope))
            + "<TimeStamp>%s</TimeStamp><Nonce><![CDATA[%s]]></Nonce></xml>"
                .formatted(timestamp, nonce));
  }

  private static String field(String xml, String name) {
    Matcher m =
        Pattern.compile(
                "<" + name + ">(?:<!\\[CDATA\\[)?(.*?)(?:\\]\\]>)?</" + name + ">", Pattern.DOTALL)
            .matcher(xml);
    return m.find() ? m.group(1) : null;
  }
}
