package org.xinqiao.conversation;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.xinqiao.helplines.HelpLines;
import org.xinqiao.people.People;

/**
 * First contact: the notice (automated assistant, what is stored and for how long, how to delete
 * it, not an emergency service, which numbers are) and consent before anything else is answered.
 * Safety runs before this gate, so a person in danger is never held up by it.
 */
@Component
class ConsentGate {

  private final People people;
  private final Texts texts;
  private final HelpLines helpLines;
  private final ConversationProperties properties;

  ConsentGate(People people, Texts texts, HelpLines helpLines, ConversationProperties properties) {
    this.people = people;
    this.texts = texts;
    this.helpLines = helpLines;
    this.properties = properties;
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
    if (turn.says("同意", "我同意", "同意。", "好的同意", "ok", "同意了")) {
      people.consent(turn.person());
      return texts.get("consent-thanks");
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
