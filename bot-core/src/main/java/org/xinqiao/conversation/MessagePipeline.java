package org.xinqiao.conversation;

import org.xinqiao.channels.InboundMessage;
import org.xinqiao.channels.OutboundReply;

/**
 * The path of one message through the bot (DESIGN.md): record, assess safety, relay to a human
 * holder, continue a dialog, run a command, or ask the knowledge base.
 */
public interface MessagePipeline {

  OutboundReply handle(InboundMessage message);
}
