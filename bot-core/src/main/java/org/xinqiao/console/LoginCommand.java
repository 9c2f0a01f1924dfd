package org.xinqiao.console;

import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ChatCommand;
import org.xinqiao.conversation.Texts;
import org.xinqiao.conversation.Turn;

/** "登录": gives a member of staff a one-time console code in the chat. */
@Component
@Order(40)
class LoginCommand implements ChatCommand {

  private final ConsoleLogin login;
  private final ConsoleProperties properties;
  private final Texts texts;

  LoginCommand(ConsoleLogin login, ConsoleProperties properties, Texts texts) {
    this.login = login;
    this.properties = properties;
    this.texts = texts;
  }

  @Override
  public boolean accepts(Turn turn) {
    return turn.says("登录", "登录控制台", "控制台");
  }

  @Override
  public OutboundReply handle(Turn turn) {
    if (!turn.person().role().isStaff()) {
      return OutboundReply.text(texts.get("console-staff-only"));
    }
    String code = login.issueCode(turn.person());
    String ticket = code.substring(0, code.indexOf('-'));
    return OutboundReply.secret(reply(code, ticket), reply(ticket + "-******", ticket));
  }

  private String reply(String code, String ticket) {
    return texts.format(
        "console-code",
        Map.of(
            "code",
            code,
            "url",
            properties.baseUrl() + "/console/login?t=" + ticket,
            "minutes",
            ConsoleLogin.CODE_TTL.toMinutes()));
  }
}
