package org.xinqiao.escalation;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ChatCommand;
import org.xinqiao.conversation.Texts;
import org.xinqiao.conversation.Turn;
import org.xinqiao.people.Person;
import org.xinqiao.store.AuditLog;

/**
 * A counselor replies from their own WeChat, away from a computer: "回 12 我是张老师，你现在安全吗" sends the
 * text to the person of escalation 12 the same way the console does (acknowledging it first if
 * nobody has, counted against WeChat's customer-service quota, queued when it is used).
 */
@Component
@Order(6)
class ReplyCommand implements ChatCommand {

  private static final Pattern REPLY =
      Pattern.compile("^回\\s*#?\\s*(\\d{1,12})\\s+(\\S[\\s\\S]{0,599})$");

  private final Escalations escalations;
  private final Handoffs handoffs;
  private final AuditLog audit;
  private final Texts texts;

  ReplyCommand(Escalations escalations, Handoffs handoffs, AuditLog audit, Texts texts) {
    this.escalations = escalations;
    this.handoffs = handoffs;
    this.audit = audit;
    this.texts = texts;
  }

  @Override
  public boolean accepts(Turn turn) {
    return turn.person().role().counsels() && REPLY.matcher(turn.text()).matches();
  }

  @Override
  public OutboundReply handle(Turn turn) {
    Matcher m = REPLY.matcher(turn.text());
    m.matches();
    long id = Long.parseLong(m.group(1));
    String body = m.group(2).strip();
    Person counselor = turn.person();
    String name = counselor.displayName() == null ? counselor.pseudonym() : counselor.displayName();
    Optional<Escalation> found = escalations.find(id);
    if (found.isEmpty() || found.get().status() == EscalationStatus.CLOSED) {
      return OutboundReply.text(texts.format("escalation-ack-unknown", Map.of("id", id)));
    }
    if (found.get().status() == EscalationStatus.OPEN) {
      escalations.acknowledge(id, counselor.id(), name, "wechat-reply");
    }
    Optional<String> queued = handoffs.reply(found.get().personId(), counselor.id(), body);
    audit.append(
        "counselor:" + counselor.id(),
        "escalation.replied",
        "escalation",
        Long.toString(id),
        queued.isPresent() ? "queued via wechat" : "sent via wechat");
    return OutboundReply.text(
        queued.map(reason -> "#" + id + " 的回复已排队，暂未发出：" + reason).orElse("#" + id + " 的回复已发出。"));
  }
}
