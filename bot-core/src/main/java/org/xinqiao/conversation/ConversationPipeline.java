package org.xinqiao.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.helplines.HelpLines;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;

/**
 * The path of one message (DESIGN.md): record it durably, let safety screen it in the same
 * transaction, relay to a counselor who holds the chat, then consent, dialogs, commands and the
 * knowledge base, in that order.
 */
@Service
@EnableConfigurationProperties(ConversationProperties.class)
class ConversationPipeline implements MessagePipeline {

  private static final Logger log = LoggerFactory.getLogger(ConversationPipeline.class);

  private final People people;
  private final MessageLog messages;
  private final SafetyScreen safety;
  private final List<HumanHandoff> handoff;
  private final ConsentGate consent;
  private final ActiveDialogs dialogs;
  private final Map<String, DialogHandler> dialogHandlers;
  private final List<ChatCommand> commands;
  private final KnowledgeAnswerer knowledge;
  private final Texts texts;
  private final HelpLines helpLines;
  private final TransactionTemplate tx;

  ConversationPipeline(
      People people,
      MessageLog messages,
      SafetyScreen safety,
      List<HumanHandoff> handoff,
      ConsentGate consent,
      ActiveDialogs dialogs,
      List<DialogHandler> dialogHandlers,
      List<ChatCommand> commands,
      KnowledgeAnswerer knowledge,
      Texts texts,
      HelpLines helpLines,
      TransactionTemplate tx) {
    this.people = people;
    this.messages = messages;
    this.safety = safety;
    this.handoff = handoff;
    this.consent = consent;
    this.dialogs = dialogs;
    this.dialogHandlers =
        dialogHandlers.stream()
            .collect(java.util.stream.Collectors.toMap(DialogHandler::name, h -> h));
    this.commands = commands;
    this.knowledge = knowledge;
    this.texts = texts;
    this.helpLines = helpLines;
    this.tx = tx;
  }

  @Override
  public OutboundReply handle(InboundMessage message) {
    Person person = people.contact(message.channel(), message.userId());
    Screened screened = recordAndScreenOrEmergency(person, message);
    if (screened.emergency() != null) {
      return screened.emergency();
    }
    if (screened.turn() == null) {
      log.info("duplicate delivery {} for {} ignored", message.dedupeKey(), person.pseudonym());
      return OutboundReply.none();
    }
    Turn turn = screened.turn();
    SafetyScreen.SafetyOutcome outcome = screened.outcome();
    if (outcome.final_()) {
      return reply(person, OutboundReply.text(outcome.reply()));
    }
    if (handoff.stream().anyMatch(h -> h.relayIfHeld(turn))) {
      // a counselor holds the chat: the bot is quiet except for what safety says
      return outcome.hasReply()
          ? reply(person, OutboundReply.text(outcome.reply()))
          : OutboundReply.none();
    }
    OutboundReply answer = route(turn);
    if (outcome.hasReply()) {
      answer =
          answer.isEmpty()
              ? OutboundReply.text(outcome.reply())
              : new OutboundReply(
                  outcome.reply() + "\n\n" + answer.text(),
                  outcome.reply() + "\n\n" + answer.recorded());
    }
    return answer.isEmpty() ? OutboundReply.none() : reply(person, answer);
  }

  /** Only recording and safety (a flooded sender's excess, a full channel): never refused. */
  @Override
  public OutboundReply screenOnly(InboundMessage message) {
    Person person = people.contact(message.channel(), message.userId());
    Screened screened = recordAndScreenOrEmergency(person, message);
    if (screened.emergency() != null) {
      return screened.emergency();
    }
    if (screened.turn() == null || !screened.outcome().hasReply()) {
      return OutboundReply.none();
    }
    if (!screened.outcome().final_()) {
      // a supportive reply for a held chat still reaches the counselor who holds it
      handoff.forEach(h -> h.relayIfHeld(screened.turn()));
    }
    return reply(person, OutboundReply.text(screened.outcome().reply()));
  }

  /** turn null: a duplicate delivery; emergency set: the record failed, this is the reply. */
  private record Screened(Turn turn, SafetyScreen.SafetyOutcome outcome, OutboundReply emergency) {}

  private Screened recordAndScreenOrEmergency(Person person, InboundMessage message) {
    try {
      Screened screened = tx.execute(status -> recordAndScreen(person, message));
      return screened == null ? new Screened(null, null, null) : screened;
    } catch (RuntimeException e) {
      // The record or the escalation could not be written. A person in danger must still get
      // the safety reply now; the error propagates so the channel's retry can record it later.
      String emergency = message.isText() ? safety.emergencyReply(message.text()) : null;
      log.error(
          "recording or screening failed for {} ({}); safety reply sent: {}",
          person.pseudonym(),
          e.getClass().getSimpleName(),
          emergency != null);
      if (emergency != null) {
        return new Screened(null, null, OutboundReply.text(emergency));
      }
      throw e;
    }
  }

  private Screened recordAndScreen(Person person, InboundMessage message) {
    Optional<Long> id = messages.recordInbound(person, message);
    if (id.isEmpty()) {
      return null;
    }
    Turn turn = new Turn(person, message, id.get());
    SafetyScreen.SafetyOutcome outcome =
        message.isText() || !turn.menuKey().isEmpty()
            ? safety.screen(turn)
            : SafetyScreen.SafetyOutcome.clear();
    return new Screened(turn, outcome, null);
  }

  /** Everything after safety and hand-off; empty when the bot has nothing to say. */
  private OutboundReply route(Turn turn) {
    InboundMessage m = turn.message();
    if (m.kind() == InboundMessage.Kind.EVENT && turn.menuKey().isEmpty()) {
      return textOrNone(consent.onEvent(turn));
    }
    if (!turn.person().hasConsented() && !operatesTheService(turn.person())) {
      OutboundReply own = aboutTheirOwnData(turn);
      return own != null ? own : textOrNone(consent.beforeConsent(turn));
    }
    if (m.kind() == InboundMessage.Kind.IMAGE
        || m.kind() == InboundMessage.Kind.VOICE
        || m.kind() == InboundMessage.Kind.OTHER) {
      return OutboundReply.text(
          texts.format("media-not-supported", Map.of("emergency", helpLines.emergencyShort())));
    }
    Optional<ActiveDialogs.Active> active = dialogs.current(turn.person());
    if (active.isPresent()) {
      if (turn.says("取消", "退出", "算了")) {
        dialogs.end(turn.person());
        return OutboundReply.text(texts.get("cancelled"));
      }
      DialogHandler handler = dialogHandlers.get(active.get().name());
      if (handler == null) {
        dialogs.end(turn.person());
      } else {
        OutboundReply reply = handler.continueWith(turn, active.get().state());
        if (!reply.isEmpty()) {
          return reply;
        }
        // the dialog did not take this message: it is a command or a new question
      }
    }
    for (ChatCommand command : commands) {
      if (command.accepts(turn)) {
        return command.handle(turn);
      }
    }
    if (turn.text().isEmpty()) {
      return OutboundReply.text(texts.get("ask-menu"));
    }
    return knowledge.answer(turn);
  }

  /**
   * Before consent (or after it was withdrawn) only what concerns the person's own data is served:
   * "删除我的数据" and its confirmation, "撤回同意". Null when the message is not such a command.
   */
  private OutboundReply aboutTheirOwnData(Turn turn) {
    Optional<ActiveDialogs.Active> active = dialogs.current(turn.person());
    if (active.isPresent()
        && dialogHandlers.get(active.get().name()) instanceof WorksWithoutConsent) {
      OutboundReply reply =
          dialogHandlers.get(active.get().name()).continueWith(turn, active.get().state());
      if (!reply.isEmpty()) {
        return reply;
      }
    }
    for (ChatCommand command : commands) {
      if (command instanceof WorksWithoutConsent && command.accepts(turn)) {
        return command.handle(turn);
      }
    }
    return null;
  }

  private static OutboundReply textOrNone(String text) {
    return text == null ? OutboundReply.none() : OutboundReply.text(text);
  }

  /**
   * Counselors and admins run the service: a counselor answering a page at night ("接 12") must not
   * be stopped by the privacy notice meant for the families and teachers who confide in it.
   */
  static boolean operatesTheService(Person person) {
    return person.role().mayBePaged() || person.role() == org.xinqiao.people.Role.ADMIN;
  }

  private OutboundReply reply(Person person, OutboundReply reply) {
    messages.recordOutbound(person, reply.recorded());
    return reply;
  }
}
