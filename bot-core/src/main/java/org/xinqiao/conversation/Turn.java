package org.xinqiao.conversation;

import org.xinqiao.channels.InboundMessage;
import org.xinqiao.people.Person;

/**
 * One inbound message on its way through the pipeline, after it was recorded.
 *
 * @param person who sent it
 * @param message what arrived
 * @param messageId the recorded message's id (for transcripts and escalations)
 */
public record Turn(Person person, InboundMessage message, long messageId) {

  /** The typed text, trimmed; empty for events and media. */
  public String text() {
    return message.isText() ? message.text().strip() : "";
  }

  /** The custom-menu key of a click, or empty. */
  public String menuKey() {
    return message.kind() == InboundMessage.Kind.EVENT
            && "CLICK".equalsIgnoreCase(message.event())
            && message.eventKey() != null
        ? message.eventKey()
        : "";
  }

  /** True when the text, ignoring case and trailing punctuation, is one of {@code words}. */
  public boolean says(String... words) {
    String t = text().replaceAll("[\\s。.!！?？~～]+$", "");
    for (String w : words) {
      if (t.equalsIgnoreCase(w)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Turn[" + person.pseudonym() + ", message=" + messageId + "]";
  }
}
