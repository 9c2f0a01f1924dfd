package org.xinqiao.conversation;

import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.helplines.HelpLines;
import org.xinqiao.people.People;

/**
 * "撤回同意": after confirmation the person is back in the not-consented state. Unlike "删除我的数据" nothing
 * is deleted, and safety screening and a counselor's hold go on (the pipeline runs them before the
 * consent gate): a life comes before a preference, and the reply says so.
 */
@Component
@Order(21)
class WithdrawConsentCommand implements ChatCommand, DialogHandler, WorksWithoutConsent {

  private final People people;
  private final ActiveDialogs dialogs;
  private final Texts texts;
  private final HelpLines helpLines;

  WithdrawConsentCommand(People people, ActiveDialogs dialogs, Texts texts, HelpLines helpLines) {
    this.people = people;
    this.dialogs = dialogs;
    this.texts = texts;
    this.helpLines = helpLines;
  }

  @Override
  public String name() {
    return "withdraw-consent";
  }

  @Override
  public boolean accepts(Turn turn) {
    return turn.says("撤回同意", "撤销同意", "取消同意", "不同意了", "我不同意了");
  }

  @Override
  public OutboundReply handle(Turn turn) {
    if (ConversationPipeline.operatesTheService(turn.person())) {
      // counselors and admins never consented: their role, not a notice, lets them use the bot
      return OutboundReply.text(
          texts.format("consent-withdraw-staff", Map.of("role", turn.person().role().label())));
    }
    if (!turn.person().hasConsented()) {
      return OutboundReply.text(
          texts.format("consent-withdraw-none", Map.of("emergency", helpLines.emergencyShort())));
    }
    dialogs.start(turn.person(), name(), "confirm");
    return OutboundReply.text(texts.get("consent-withdraw-confirm"));
  }

  @Override
  public OutboundReply continueWith(Turn turn, String state) {
    dialogs.end(turn.person());
    if (turn.says("确认撤回", "确认")) {
      people.withdrawConsent(turn.person());
      return OutboundReply.text(
          texts.format("consent-withdrawn", Map.of("emergency", helpLines.emergencyShort())));
    }
    return OutboundReply.text(texts.get("cancelled"));
  }
}
