package org.xinqiao.channels;

/**
 * What the bot answers to one inbound message. An empty reply means "nothing to say passively" (the
 * channel acknowledges the delivery and anything later goes out as a pushed message).
 *
 * @param text the reply text, or null for none
 * @param recorded what the message log keeps of it: the text itself, or a redacted copy when the
 *     reply carries a secret (a login or staff code) that must not outlive its delivery
 */
public record OutboundReply(String text, String recorded) {

  private static final OutboundReply NONE = new OutboundReply(null, null);

  public static OutboundReply none() {
    return NONE;
  }

  public static OutboundReply text(String text) {
    return new OutboundReply(text, text);
  }

  /** A reply carrying a secret: sent as {@code text}, recorded as {@code redacted}. */
  public static OutboundReply secret(String text, String redacted) {
    return new OutboundReply(text, redacted);
  }

  public boolean isEmpty() {
    return text == null || text.isEmpty();
  }

  @Override
  public String toString() {
    return isEmpty() ? "OutboundReply[none]" : "OutboundReply[chars=" + text.length() + "]";
  }
}
