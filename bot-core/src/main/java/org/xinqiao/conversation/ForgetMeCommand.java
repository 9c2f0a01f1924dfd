package org.xinqiao.conversation;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.people.People;

/** "删除我的数据": asks for confirmation, then deletes the person's messages and profile. */
@Component
@Order(20)
class ForgetMeCommand implements ChatCommand, DialogHandler, WorksWithoutConsent {

  private final People people;
  private final ActiveDialogs dialogs;
  private final Texts texts;

  ForgetMeCommand(People people, ActiveDialogs dialogs, Texts texts) {
    this.people = people;
    this.dialogs = dialogs;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "forget";
  }

  @Override
  public boolean accepts(Turn turn) {
    return turn.says("删除我的数据", "删除数据", "删除我的记录", "注销");
  }

  @Override
  public OutboundReply handle(Turn turn) {
    dialogs.start(turn.person(), name(), "confirm");
    return OutboundReply.text(texts.get("forget-confirm"));
  }

  @Override
  public OutboundReply continueWith(Turn turn, String state) {
    dialogs.end(turn.person());
    if (turn.says("确认删除")) {
      boolean contactKept = people.forget(turn.person());
      return OutboundReply.text(texts.get(contactKept ? "forgotten-contact-kept" : "forgotten"));
    }
    return OutboundReply.text(texts.get("cancelled"));
  }
}
