package org.xinqiao.conversation;

import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.helplines.HelpLines;
import org.xinqiao.people.Role;

/** "帮助" (everyone's commands, then those of the person's role) and the 心理问答 menu button. */
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
    StringBuilder help =
        new StringBuilder(texts.format("help", Map.of("emergency", helpLines.emergencyShort())));
    for (String section : sectionsFor(turn.person().role())) {
      help.append("\n\n").append(texts.get(section).strip());
    }
    return OutboundReply.text(help.toString());
  }

  /** The commands each role may use, beyond everyone's: a parent sees no staff command. */
  static List<String> sectionsFor(Role role) {
    return switch (role) {
      case PARENT -> List.of();
      case TEACHER -> List.of("help-staff");
      case COUNSELOR, LEAD_COUNSELOR -> List.of("help-staff", "help-counselor");
      case SAFEGUARDING -> List.of("help-staff", "help-safeguarding");
      case ADMIN -> List.of("help-staff", "help-admin");
    };
  }
}
