package org.xinqiao.event;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ChatCommand;
import org.xinqiao.conversation.Turn;

/** "签到 CODE": attendance at an event. */
@Component
@Order(45)
class CheckInCommand implements ChatCommand {

  private static final Pattern CHECK_IN = Pattern.compile("^签到[\\s:：]*([A-Za-z0-9\\s\\-]{0,20})$");

  private final CheckIns checkIns;
  private final EventReplies replies;

  CheckInCommand(CheckIns checkIns, EventReplies replies) {
    this.checkIns = checkIns;
    this.replies = replies;
  }

  @Override
  public boolean accepts(Turn turn) {
    return turn.text().startsWith("签到");
  }

  @Override
  public OutboundReply handle(Turn turn) {
    Matcher m = CHECK_IN.matcher(turn.text().strip());
    if (!m.matches() || m.group(1).isBlank()) {
      return OutboundReply.text(replies.get("event-checkin-how"));
    }
    CheckIns.Result r = checkIns.checkIn(turn.person(), m.group(1));
    return OutboundReply.text(
        switch (r.outcome()) {
          case CHECKED_IN -> replies.about("event-checked-in", r.event());
          case ALREADY -> replies.about("event-checkin-already", r.event());
          case WRONG_CODE -> replies.get("event-checkin-wrong");
          case NOT_TODAY -> replies.about("event-checkin-not-today", r.event());
          case EVENT_CANCELLED -> replies.about("event-checkin-cancelled", r.event());
          case NOT_FOR_YOU -> replies.about("event-not-for-you", r.event());
          case TOO_MANY_TRIES -> replies.get("event-checkin-too-many");
        });
  }
}
