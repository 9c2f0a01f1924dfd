package org.xinqiao.channels.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.xinqiao.channels.simulator.PassiveReply.Status;

/**
 * Plays WeChat's side of the callback protocol for a local account: builds signed (optionally
 * encrypted) deliveries for text messages and events, and reads the account's passive reply as
 * WeChat would, rejecting what WeChat rejects. Used by the simulator page and by tests.
 */
public final class SimulatedWeChatServer {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SimulatedAccount account;
  private final CallbackCipher cipher;
  private final Clock clock;
  private final AtomicLong msgIds;

  public SimulatedWeChatServer(SimulatedAccount account, Clock clock) {
    this.account = Objects.requireNonNull(account, "account");
    this.cipher = new CallbackCipher(account.encodingAesKey(), account.appId());
    this.clock = Objects.requireNonNull(clock, "clock");
    // WeChat MsgIds are large positive 64-bit numbers; start somewhere random like they do.
    this.msgIds = new AtomicLong(6_000_000_000_000_000_000L + RANDOM.nextInt(1 << 30));
  }

  public SimulatedAccount account() {
    return account;
  }

  /** A text message typed by {@code openid}. */
  public SignedCallback text(String openid, String content, boolean encrypted) {
    long now = clock.instant().getEpochSecond();
    String xml =
        new CallbackXml()
            .cdata("ToUserName", account.originalId())
            .cdata("FromUserName", openid)
            .number("CreateTime", now)
            .cdata("MsgType", "text")
            .cdata("Content", content)
            .number("MsgId", msgIds.incrementAndGet())
            .build();
    return deliver(openid, xml, now, encrypted);
  }

  /** An event: {@code subscribe}, {@code unsubscribe}, {@code CLICK} with a menu key, ... */
  public SignedCallback event(String openid, String event, String key, boolean encrypted) {
    long now = clock.instant().getEpochSecond();
    String xml =
        new CallbackXml()
            .cdata("ToUserName", account.originalId())
            .cdata("FromUserName", openid)
            .number("CreateTime", now)
            .cdata("MsgType", "event")
            .cdata("Event", event)
            .cdata("EventKey", key == null ? "" : key)
            .build();
    return deliver(openid, xml, now, encrypted);
  }

  private SignedCallback deliver(String openid, String xml, long timestamp, boolean encrypted) {
    String ts = Long.toString(timestamp);
    String nonce = Integer.toString(100_000_000 + RANDOM.nextInt(900_000_000));
    Map<String, String> query = new LinkedHashMap<>();
    query.put("signature", CallbackCipher.signature(account.token(), ts, nonce));
    query.put("timestamp", ts);
    query.put("nonce", nonce);
    query.put("openid", openid);
    if (!encrypted) {
      return new SignedCallback(query, xml, false);
    }
    String envelope = cipher.encrypt(xml);
    query.put("encrypt_type", "aes");
    query.put("msg_signature", CallbackCipher.signature(account.token(), ts, nonce, envelope));
    String body =
        new CallbackXml()
            .cdata("ToUserName", account.originalId())
            .cdata("Encrypt", envelope)
            .build();
    return new SignedCallback(query, body, true);
  }

  /**
   * Reads the HTTP body the account answered to a callback from {@code openid}, as WeChat does:
   * "success" or nothing means no reply; an encrypted reply must carry a valid MsgSignature and
   * decrypt for this app id; the reply must be addressed back to the sender.
   */
  public PassiveReply readReply(String openid, String body) {
    if (body == null || body.isBlank() || body.strip().equals("success")) {
      return PassiveReply.none(false);
    }
    Map<String, String> fields;
    try {
      fields = CallbackXml.read(body);
    } catch (IllegalArgumentException e) {
      return PassiveReply.broken("回复不是合法的 XML");
    }
    boolean encrypted = fields.containsKey("Encrypt");
    if (encrypted) {
      String envelope = fields.get("Encrypt");
      String expected =
          CallbackCipher.signature(
              account.token(),
              fields.getOrDefault("TimeStamp", ""),
              fields.getOrDefault("Nonce", ""),
              envelope);
      if (!expected.equals(fields.get("MsgSignature"))) {
        return PassiveReply.broken("加密回复的 MsgSignature 不正确");
      }
      try {
        fields = CallbackXml.read(cipher.decrypt(envelope));
      } catch (IllegalArgumentException e) {
        return PassiveReply.broken("加密回复无法解密");
      }
    }
    return readPlain(openid, fields, encrypted);
  }

  private static PassiveReply readPlain(
      String openid, Map<String, String> fields, boolean encrypted) {
    if (!openid.equals(fields.get("ToUserName"))) {
      return PassiveReply.broken("回复的 ToUserName 不是发消息的用户");
    }
    String msgType = fields.get("MsgType");
    if (msgType == null) {
      return PassiveReply.broken("回复缺少 MsgType");
    }
    String text =
        switch (msgType) {
          case "text" -> fields.get("Content");
          case "news" -> fields.get("Articles.Title");
          default -> null;
        };
    return new PassiveReply(Status.MESSAGE, msgType, text, null, encrypted);
  }
}
