package org.xinqiao.checkin;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ActiveDialogs;
import org.xinqiao.conversation.DialogHandler;
import org.xinqiao.conversation.Turn;
import org.xinqiao.escalation.EscalationRaised;
import org.xinqiao.people.People;

/**
 * A check-in in progress, between messages. When safety raises an escalation for the person (a
 * risky answer typed mid-check-in, an alert option, the emergency button) the check-in ends: the
 * safety reply has asked whether they are safe, and the next message must not be read as the answer
 * to question 4.
 */
@Component
class CheckinDialog implements DialogHandler {

  private final CheckinFlow flow;
  private final ActiveDialogs dialogs;
  private final People people;

  CheckinDialog(CheckinFlow flow, ActiveDialogs dialogs, People people) {
    this.flow = flow;
    this.dialogs = dialogs;
    this.people = people;
  }

  @Override
  public String name() {
    return CheckinFlow.DIALOG;
  }

  @Override
  public OutboundReply continueWith(Turn turn, String state) {
    DialogState s = DialogState.decode(state);
    if (s == null) {
      dialogs.end(turn.person());
      return OutboundReply.none();
    }
    return (s.isSharing() ? flow.share(turn, s) : flow.answer(turn, s))
        .map(OutboundReply::text)
        .orElse(OutboundReply.none());
  }

  @EventListener
  void on(EscalationRaised raised) {
    people
        .find(raised.personId())
        .ifPresent(
            p ->
                dialogs
                    .current(p)
                    .filter(a -> a.name().equals(CheckinFlow.DIALOG))
                    .ifPresent(a -> dialogs.end(p)));
  }
}
