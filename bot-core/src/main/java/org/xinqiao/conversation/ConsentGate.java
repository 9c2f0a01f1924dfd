package org.xinqiao.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.helplines.HelpLines;
import org.xinqiao.people.People;
import org.xinqiao.store.SharedState;

/**
 * First contact: the notice (automated assistant, what is stored and for how long, how to delete
 * it, not an emergency service, which numbers are) and consent before anything else is answered.
 * Safety runs before this gate, so a person in danger is never held up by it.
 */
@Component
class ConsentGate {

  /** A question asked before consenting is answered right after "同意" if it comes this soon. */
  static final Duration PENDING_TTL = Duration.ofMinutes(30);

  private final People people;
  private final Texts texts;
  private final HelpLines helpLines;
  private final ConversationProperties properties;
  private final SharedState state;
  private final KnowledgeAnswerer knowledge;

  ConsentGate(
      People people,
      Texts texts,
      HelpLines helpLines,
      ConversationProperties properties,
      SharedState state,
      KnowledgeAnswerer knowledge) {
    this.people = people;
    this.texts = texts;
    this.helpLines = helpLines;
    this.properties = properties;
    this.state = state;
    this.knowledge = knowledge;
  }

  /** Follow, unfollow and other non-menu events. */
  String onEvent(Turn turn) {
    String event = turn.message().event() == null ? "" : turn.message().event().toLowerCase();
    switch (event) {
      case "subscribe" -> {
        people.followed(turn.person());
        return turn.person().hasConsented() ? texts.get("welcome-back") : notice();
      }
      case "unsubscribe" -> {
        people.unfollowed(turn.person());
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  /** Any message from someone who has not consented yet. */
  String beforeConsent(Turn turn) {
    String key = "consent-pending:" + turn.person().id();
    if (turn.says("同意", "我同意", "同意。", "好的同意", "ok", "同意了")) {
      people.consent(turn.person());
      Optional<String> pending = state.get(key);
      state.delete(key);
      if (pending.isPresent()) {
        // the first thing a parent types is usually their question: answer it now
        Turn asked =
            new Turn(
                turn.person(),
                InboundMessage.text(
                    turn.message().channel(),
                    turn.message().accountId(),
                    turn.message().userId(),
                    pending.get(),
                    turn.message().dedupeKey() + ":pending",
                    turn.message().sentAt()),
                turn.messageId());
        String answer = knowledge.answer(asked).text();
        if (answer != null) {
          String withThanks = texts.get("consent-thanks-question") + "\n\n" + answer;
          return withThanks.getBytes(StandardCharsets.UTF_8).length <= 2000 ? withThanks : answer;
        }
      }
      return texts.get("consent-thanks");
    }
    if (turn.text().length() >= 6) {
      state.put(key, turn.text(), PENDING_TTL);
    }
    if (people.withdrewConsent(turn.person().id())) {
      return texts.get("consent-withdrawn-reminder").strip() + "\n\n" + notice();
    }
    return notice();
  }

  String notice() {
    return texts.format(
        "notice",
        Map.of(
            "retentionDays",
            properties.messageRetention().toDays(),
            "helpLines",
            helpLines.asLines()));
  }
}
