package org.xinqiao.event;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ChatCommand;
import org.xinqiao.conversation.Turn;
import org.xinqiao.people.Role;

/** "我的培训": a teacher's trainings this school year against the plan's targets. */
@Component
@Order(46)
class TrainingCommand implements ChatCommand {

  private final TrainingLedger ledger;
  private final EventReplies replies;
  private final EventProperties properties;
  private final java.time.Clock clock;

  TrainingCommand(
      TrainingLedger ledger,
      EventReplies replies,
      EventProperties properties,
      java.time.Clock clock) {
    this.ledger = ledger;
    this.replies = replies;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public boolean accepts(Turn turn) {
    return turn.says("我的培训", "培训记录", "培训");
  }

  @Override
  public OutboundReply handle(Turn turn) {
    if (turn.person().role() == Role.PARENT) {
      return OutboundReply.text(replies.get("event-training-parent"));
    }
    TrainingLedger.Row row = ledger.of(turn.person());
    SchoolYear year = SchoolYear.of(EventTime.day(clock.instant()), properties.springTermMonth());
    String list =
        row.attended().stream()
            .map(
                a ->
                    "· "
                        + DateTimeFormatter.ofPattern("M月d日").format(a.at().atZone(EventTime.ZONE))
                        + " "
                        + a.title()
                        + (a.wholeStaff() ? "（全员培训）" : ""))
            .collect(Collectors.joining("\n"));
    return OutboundReply.text(
        replies.format(
            "event-training",
            Map.of(
                "year", year.label(),
                "yearStart", year.start().getYear() + "年9月1日",
                "count", row.trainings(),
                "target", properties.trainingsPerYear(),
                "term", "本学期（" + year.termOf(EventTime.day(clock.instant())).name() + "）",
                "wholeStaff", row.wholeStaffTerm(),
                "termTarget", properties.wholeStaffPerTerm(),
                "list", list.isEmpty() ? "（还没有签到过的培训）" : list)));
  }
}
