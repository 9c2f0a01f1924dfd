package org.xinqiao.channels.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.channels.InboundMessage.Kind;
import org.xinqiao.channels.wechat.CallbackResult.Accepted;

/** Turns the fields of a parsed callback into the neutral {@link InboundMessage}. */
final class InboundMapping {

  static final String CHANNEL = "wechat";
  static final String MASS_SEND_FINISHED = "MASSSENDJOBFINISH";

  private InboundMapping() {}

  /** Empty when a field every callback has (sender, time, type) is missing or malformed. */
  static Optional<Accepted> map(String appId, Map<String, String> f, boolean safeMode) {
    String from = f.get("FromUserName");
    String type = f.get("MsgType");
    Instant at;
    try {
      at = Instant.ofEpochSecond(Long.parseLong(f.getOrDefault("CreateTime", "").strip()));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.empty();
    }
    if (from == null || from.isBlank() || type == null) {
      return Optional.empty();
    }
    String msgId = blankToNull(f.get("MsgId"));
    String prefix = CHANNEL + ":" + appId + ":";
    InboundMessage message;
    MassSendReport massSend = null;
    switch (type.strip()) {
      case "text" -> {
        if (msgId == null) {
          return Optional.empty();
        }
        message =
            InboundMessage.text(
                CHANNEL, appId, from, f.getOrDefault("Content", ""), prefix + "msg:" + msgId, at);
      }
      case "voice" -> {
        // with speech recognition on, WeChat sends what was said: screened and answered as text
        String said = blankToNull(f.get("Recognition"));
        String dedupe =
            msgId != null
                ? prefix + "msg:" + msgId
                : prefix + "other:" + hash(from + "|" + at.getEpochSecond() + "|" + type);
        message =
            said != null
                ? InboundMessage.text(CHANNEL, appId, from, said, dedupe, at)
                : new InboundMessage(
                    CHANNEL, appId, from, Kind.VOICE, null, null, null, dedupe, at);
      }
      case "event" -> {
        String event = blankToNull(f.get("Event"));
        if (event == null) {
          return Optional.empty();
        }
        String key = blankToNull(f.get("EventKey"));
        if (MASS_SEND_FINISHED.equals(event)) {
          massSend = massSend(f);
          key = massSend.msgId();
        }
        String dedupe =
            prefix + "evt:" + hash(from + "|" + at.getEpochSecond() + "|" + event + "|" + key);
        message = InboundMessage.event(CHANNEL, appId, from, event, key, dedupe, at);
      }
      default -> {
        Kind kind =
            switch (type.strip()) {
              case "image" -> Kind.IMAGE;
              default -> Kind.OTHER;
            };
        String dedupe =
            msgId != null
                ? prefix + "msg:" + msgId
                : prefix + "other:" + hash(from + "|" + at.getEpochSecond() + "|" + type);
        message = new InboundMessage(CHANNEL, appId, from, kind, null, null, null, dedupe, at);
      }
    }
    return Optional.of(new Accepted(message, f.get("ToUserName"), safeMode, massSend));
  }

  private static MassSendReport massSend(Map<String, String> f) {
    return new MassSendReport(
        blankToNull(f.getOrDefault("MsgID", f.get("MsgId"))),
        f.get("Status"),
        count(f.get("TotalCount")),
        count(f.get("FilterCount")),
        count(f.get("SentCount")),
        count(f.get("ErrorCount")));
  }

  private static long count(String s) {
    try {
      return s == null ? 0 : Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Event dedupe keys name the sender only through a hash: keys end up in logs and Redis. */
  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
