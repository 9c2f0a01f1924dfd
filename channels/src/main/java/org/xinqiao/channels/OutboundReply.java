package org.xinqiao.channels;

/**
 * What the bot answers to one inbound message. An empty reply means "nothing to say passively" (the
 * channel acknowledges the delivery and anything later goes out as a pushed message).
 *
 * @param text the reply text, or null for none
 */
public record OutboundReply(String text) {

  private static final OutboundReply NONE = new OutboundReply(null);

  public static OutboundReply none() {
    return NONE;
  }

  public static OutboundReply text(String text) {
    return new OutboundReply(text);
  }

  public boolean isEmpty() {
    return text == null || text.isEmpty();
  }

  @Override
  public String toString() {
    return isEmpty() ? "OutboundReply[none]" : "OutboundReply[chars=" + text.length() + "]";
  }
}
