package org.xinqiao.conversation;

import org.xinqiao.channels.InboundMessage;
import org.xinqiao.channels.OutboundReply;

/**
 * The path of one message through the bot (DESIGN.md): record, assess safety, relay to a human
 * holder, continue a dialog, run a command, or ask the knowledge base.
 */
public interface MessagePipeline {

  OutboundReply handle(InboundMessage message);

  /**
   * The path that is never refused, for a message the channel will not answer in full (its sender
   * is over the rate limit, or every reply worker is busy): the message is recorded and safety
   * screens it exactly as in {@link #handle}, so a risky text still raises its escalation and gets
   * the safety reply. Returns that reply, or none when the text is not risky. Cheap: no dialog,
   * command or knowledge-base work.
   */
  default OutboundReply screenOnly(InboundMessage message) {
    return handle(message);
  }
}
