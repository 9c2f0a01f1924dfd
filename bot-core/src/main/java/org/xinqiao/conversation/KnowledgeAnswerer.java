package org.xinqiao.conversation;

import org.xinqiao.channels.OutboundReply;

/** The knowledge-base hand-over point: answers a free-text question or says honestly it can't. */
public interface KnowledgeAnswerer {

  OutboundReply answer(Turn turn);
}
