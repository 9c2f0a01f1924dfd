package org.xinqiao.escalation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.channels.MessageSender;
import org.xinqiao.conversation.HumanHandoff;
import org.xinqiao.conversation.MessageLog;
import org.xinqiao.conversation.Texts;
import org.xinqiao.conversation.Turn;
import org.xinqiao.escalation.HandoffRepository.State;
import org.xinqiao.helplines.HelpLines;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;

/**
 * Who holds a conversation: BOT, WAITING_FOR_COUNSELOR (an escalation is open), COUNSELOR (a named
 * counselor chats through the bot). Everything the bot or the counselor sends the person goes
 * through one queue that respects WeChat's customer-service quota; what cannot go yet waits for the
 * person's next message, and the console says so.
 */
@Service
class Handoffs implements HumanHandoff {

  private static final Logger log = LoggerFactory.getLogger(Handoffs.class);

  private final HandoffRepository handoffs;
  private final CustomerServiceQuota quota;
  private final People people;
  private final MessageLog messages;
  private final ObjectProvider<MessageSender> sender;
  private final Texts texts;
  private final HelpLines helpLines;
  private final Clock clock;
  private final TransactionTemplate afterCommitTx;

  Handoffs(
      HandoffRepository handoffs,
      CustomerServiceQuota quota,
      People people,
      MessageLog messages,
      @Qualifier("wechat") ObjectProvider<MessageSender> sender,
      Texts texts,
      HelpLines helpLines,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.handoffs = handoffs;
    this.quota = quota;
    this.people = people;
    this.messages = messages;
    this.sender = sender;
    this.texts = texts;
    this.helpLines = helpLines;
    this.clock = clock;
    // work after a commit gets a transaction of its own: the finished one's connection is still
    // bound to the thread, and writes on it would hold locks until it is cleaned up
    this.afterCommitTx = new TransactionTemplate(transactions);
    this.afterCommitTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public boolean relayIfHeld(Turn turn) {
    long personId = turn.person().id();
    Optional<HandoffRepository.Holder> holder = handoffs.find(personId);
    flush(personId); // the person wrote: the window reopened, queued replies may go now
    if (holder.isEmpty() || holder.get().state() != State.COUNSELOR) {
      return false;
    }
    relayToCounselorWeChat(holder.get(), turn, null);
    return true;
  }

  /**
   * A risky message while a counselor holds the chat: safety answers it and the pipeline does not
   * relay final outcomes, so relay it here, once the message is committed.
   */
  void relayAfterCommit(Turn turn, Urgency raisedTo) {
    afterCommit(
        () ->
            handoffs
                .find(turn.person().id())
                .filter(h -> h.state() == State.COUNSELOR)
                .ifPresent(h -> relayToCounselorWeChat(h, turn, raisedTo)));
  }

  State state(long personId) {
    return handoffs.state(personId);
  }

  Optional<HandoffRepository.Holder> holder(long personId) {
    return handoffs.find(personId);
  }

  /** An escalation opened: a counselor is being paged. A held chat stays held. */
  void awaitCounselor(long personId, long escalationId) {
    if (handoffs.state(personId) == State.BOT) {
      handoffs.set(
          personId, State.WAITING_FOR_COUNSELOR, null, null, escalationId, clock.instant());
    }
  }

  /** The counselor takes the chat; the person is told who joined. */
  void take(long personId, long escalationId, long counselorId, String name) {
    Optional<HandoffRepository.Holder> before = handoffs.find(personId);
    handoffs.set(personId, State.COUNSELOR, counselorId, name, escalationId, clock.instant());
    if (before.isPresent()
        && before.get().state() == State.COUNSELOR
        && before.get().counselorId() != null
        && before.get().counselorId() == counselorId) {
      return; // the holder acknowledged a reopened case again: the person already knows them
    }
    String notice =
        texts.format(
            "escalation-counselor-joined",
            Map.of("name", name, "emergency", helpLines.emergencyShort()));
    handoffs.addReply(personId, counselorId, notice, clock.instant());
    afterCommit(() -> flush(personId));
  }

  /** The chat returns to the bot; the person is told. */
  void release(long personId, long counselorId, String name) {
    if (handoffs.state(personId) == State.BOT) {
      return;
    }
    handoffs.set(personId, State.BOT, null, null, null, clock.instant());
    String notice =
        texts.format(
            "escalation-returned-to-bot",
            Map.of("name", name, "emergency", helpLines.emergencyShort()));
    handoffs.addReply(personId, counselorId, notice, clock.instant());
    afterCommit(() -> flush(personId));
  }

  /**
   * A counselor's reply: sent now when WeChat allows, else queued; the reason when queued. It is
   * signed with the counselor's name, so the person knows a human, and who, wrote it.
   */
  Optional<String> reply(long personId, long counselorId, String text) {
    String name =
        people
            .find(counselorId)
            .map(c -> c.displayName() == null ? "" : c.displayName())
            .orElse("");
    String signed =
        texts.format("counselor-reply-signature", Map.of("name", name)).replace(" 】", "】")
            + "\n"
            + text;
    handoffs.addReply(personId, counselorId, signed, clock.instant());
    return flush(personId);
  }

  List<HandoffRepository.Reply> replies(long personId) {
    return handoffs.replies(personId);
  }

  /** Sends queued messages in order while the quota allows; why the rest wait, if any do. */
  synchronized Optional<String> flush(long personId) {
    for (HandoffRepository.Reply reply : handoffs.queued(personId)) {
      String blocked = quota.blockedReason(personId);
      Person person = people.find(personId).orElse(null);
      MessageSender channel = sender.getIfAvailable();
      if (blocked == null && (person == null || channel == null)) {
        blocked = person == null ? "对方已删除数据，无法发送" : "未配置消息发送通道";
      }
      if (blocked != null) {
        return Optional.of(blocked);
      }
      try {
        channel.sendText(person.openid(), reply.body());
      } catch (ChannelException refused) {
        log.warn("reply {} to {} refused: code {}", reply.id(), person.pseudonym(), refused.code());
        return Optional.of(
            refused.outsideWindow() || refused.quotaUsed()
                ? "微信暂不允许发送（" + refused.code() + "）；对方下次发消息后自动发出"
                : "发送失败（" + refused.code() + "），稍后对方发消息时会重试");
      }
      quota.recordSent(personId);
      handoffs.markSent(reply.id(), clock.instant());
      messages.recordOutbound(person, reply.body());
    }
    return Optional.empty();
  }

  /** Relays to the holder's WeChat; marked urgent when this message raised the escalation. */
  private void relayToCounselorWeChat(
      HandoffRepository.Holder holder, Turn turn, Urgency raisedTo) {
    MessageSender channel = sender.getIfAvailable();
    Person counselor = people.find(holder.counselorId()).orElse(null);
    if (channel == null || counselor == null || turn.text().isEmpty()) {
      return;
    }
    try {
      channel.sendText(
          counselor.openid(),
          texts.format(
              raisedTo == null ? "escalation-relay" : "escalation-relay-urgent",
              Map.of(
                  "id",
                  holder.escalationId() == null ? "" : holder.escalationId(),
                  "role",
                  turn.person().role().label(),
                  "urgency",
                  raisedTo == null ? "" : raisedTo.label(),
                  "body",
                  turn.text())));
    } catch (ChannelException e) {
      // the console still shows it; the counselor's own WeChat window may simply be closed
      log.info("relay to counselor {} not delivered: {}", counselor.pseudonym(), e.code());
    }
  }

  @EventListener
  void onForgotten(People.PersonForgotten forgotten) {
    if (forgotten.contactKept()) {
      // an open case keeps the contact: the counselor's hold and queued replies must still work
      return;
    }
    handoffs.forget(forgotten.personId());
  }

  /** Runs the action once the current transaction has committed, in a transaction of its own. */
  void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              afterCommitTx.executeWithoutResult(status -> action.run());
            }
          });
    } else {
      action.run();
    }
  }
}
