package org.xinqiao.channels;

import java.time.Instant;
import java.util.Objects;

/**
 * One message or event from a person, in a form that knows nothing of the channel's protocol.
 *
 * @param channel which adapter it came through, e.g. {@code wechat}
 * @param accountId the official account (app id) it was sent to
 * @param userId the sender's id on that channel (a WeChat openid); never logged raw
 * @param kind what sort of message this is
 * @param text the text a person typed (TEXT), or null
 * @param event the event name for EVENT messages (subscribe, unsubscribe, CLICK ...), or null
 * @param eventKey the event key (menu key, QR scene), or null
 * @param dedupeKey a key that is the same for every retry of this delivery
 * @param sentAt when the channel says it was sent
 */
public record InboundMessage(
    String channel,
    String accountId,
    String userId,
    Kind kind,
    String text,
    String event,
    String eventKey,
    String dedupeKey,
    Instant sentAt) {

  /** The kinds of inbound message the bot distinguishes. */
  public enum Kind {
    TEXT,
    EVENT,
    IMAGE,
    VOICE,
    OTHER
  }

  public InboundMessage {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    Objects.requireNonNull(sentAt, "sentAt");
  }

  public static InboundMessage text(
      String channel, String accountId, String userId, String text, String dedupeKey, Instant at) {
    return new InboundMessage(
        channel, accountId, userId, Kind.TEXT, text, null, null, dedupeKey, at);
  }

  public static InboundMessage event(
      String channel,
      String accountId,
      String userId,
      String event,
      String eventKey,
      String dedupeKey,
      Instant at) {
    return new InboundMessage(
        channel, accountId, userId, Kind.EVENT, null, event, eventKey, dedupeKey, at);
  }

  public boolean isText() {
    return kind == Kind.TEXT && text != null;
  }

  /** Never print the body or the raw user id: both are personal data. */
  @Override
  public String toString() {
    return "InboundMessage[channel=%s, kind=%s, event=%s, dedupeKey=%s]"
        .formatted(channel, kind, event, dedupeKey);
  }
}
