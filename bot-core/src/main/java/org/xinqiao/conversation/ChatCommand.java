package org.xinqiao.conversation;

import org.xinqiao.channels.OutboundReply;

/**
 * A command or menu click a feature understands ("预约", "本周文章", a menu key). Features contribute
 * commands as beans; the first that accepts a turn handles it (ordered by {@link
 * org.springframework.core.annotation.Order}).
 */
public interface ChatCommand {

  boolean accepts(Turn turn);

  OutboundReply handle(Turn turn);
}
