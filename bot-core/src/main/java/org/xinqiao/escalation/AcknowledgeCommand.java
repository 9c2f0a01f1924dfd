package org.xinqiao.escalation;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ChatCommand;
import org.xinqiao.conversation.Texts;
import org.xinqiao.conversation.Turn;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/** A counselor answers a page in WeChat: "接 123" acknowledges escalation 123 in their name. */
@Component
@Order(5)
class AcknowledgeCommand implements ChatCommand {

  private static final Pattern ACK = Pattern.compile("^接\\s*#?\\s*(\\d{1,12})$");

  private final Escalations escalations;
  private final EscalationPaging paging;
  private final Texts texts;

  AcknowledgeCommand(Escalations escalations, EscalationPaging paging, Texts texts) {
    this.escalations = escalations;
    this.paging = paging;
    this.texts = texts;
  }

  @Override
  public boolean accepts(Turn turn) {
    return turn.person().role() == Role.COUNSELOR && ACK.matcher(turn.text()).matches();
  }

  @Override
  public OutboundReply handle(Turn turn) {
    Matcher m = ACK.matcher(turn.text());
    m.matches();
    long id = Long.parseLong(m.group(1));
    Person counselor = turn.person();
    String name = counselor.displayName() == null ? counselor.pseudonym() : counselor.displayName();
    return escalations
        .acknowledge(id, counselor.id(), name, "wechat")
        .map(
            ack -> {
              Escalation e = ack.escalation();
              if (!ack.accepted()) {
                // spoken to the counselor who typed it: never "张老师 has it" to 张老师 herself
                if (e.status() == EscalationStatus.CLOSED) {
                  String by = e.closedByName() == null ? "心理老师" : e.closedByName();
                  return OutboundReply.text(
                      texts.format("escalation-ack-closed", Map.of("id", id, "name", by)));
                }
                if (counselor.id() == (e.acknowledgedBy() == null ? -1 : e.acknowledgedBy())) {
                  return OutboundReply.text(texts.format("escalation-ack-yours", Map.of("id", id)));
                }
                String by = e.acknowledgedByName() == null ? "其他老师" : e.acknowledgedByName();
                return OutboundReply.text(
                    texts.format("escalation-ack-taken", Map.of("id", id, "name", by)));
              }
              return OutboundReply.text(
                  texts.format(
                      "escalation-ack-done",
                      Map.of(
                          "id", id,
                          "urgency", e.urgencyLabel(),
                          "categories", e.categoryLabels(),
                          "role", Role.valueOf(e.personRole()).label())));
            })
        .orElseGet(
            () -> OutboundReply.text(texts.format("escalation-ack-unknown", Map.of("id", id))));
  }
}
