package org.xinqiao.checkin;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ChatCommand;
import org.xinqiao.conversation.Turn;

/** "自评" lists the check-ins for the writer; "自评N" starts the N-th. */
@Component
@Order(40)
class CheckinCommand implements ChatCommand {

  private static final Pattern START = Pattern.compile("(?:自评|自测)\\s*(\\d{1,2})");

  private final CheckinCatalog catalog;
  private final CheckinFlow flow;

  CheckinCommand(CheckinCatalog catalog, CheckinFlow flow) {
    this.catalog = catalog;
    this.flow = flow;
  }

  @Override
  public boolean accepts(Turn turn) {
    return turn.says("自评", "自测", "心理自评", "自我评估")
        || START.matcher(Answers.normalise(turn.text())).matches();
  }

  @Override
  public OutboundReply handle(Turn turn) {
    List<Checkin> offered = catalog.forRole(turn.person().role());
    Matcher m = START.matcher(Answers.normalise(turn.text()));
    if (!m.matches()) {
      return OutboundReply.text(flow.replies().list(offered, c -> flow.latest(turn.person(), c)));
    }
    int n = Integer.parseInt(m.group(1));
    if (n < 1 || n > offered.size()) {
      return OutboundReply.text(
          flow.replies().noSuch(n, offered, c -> flow.latest(turn.person(), c)));
    }
    return OutboundReply.text(flow.start(turn.person(), offered.get(n - 1)));
  }
}
