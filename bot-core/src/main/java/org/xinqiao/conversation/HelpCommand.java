package org.xinqiao.conversation;

import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.helplines.HelpLines;

/** "帮助" and the 心理问答 menu button. */
@Component
@Order(10)
class HelpCommand implements ChatCommand {

  static final String ASK_MENU_KEY = "ASK";

  private final Texts texts;
  private final HelpLines helpLines;

  HelpCommand(Texts texts, HelpLines helpLines) {
    this.texts = texts;
    this.helpLines = helpLines;
  }

  @Override
  public boolean accepts(Turn turn) {
    return ASK_MENU_KEY.equals(turn.menuKey())
        || turn.says("帮助", "help", "?", "？", "菜单", "功能", "怎么用");
  }

  @Override
  public OutboundReply handle(Turn turn) {
    if (ASK_MENU_KEY.equals(turn.menuKey())) {
      return OutboundReply.text(texts.get("ask-menu"));
    }
    return OutboundReply.text(
        texts.format("help", Map.of("emergency", helpLines.emergencyShort())));
  }
}
