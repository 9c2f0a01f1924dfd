package org.xinqiao.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.xinqiao.conversation.MessageLog;
import org.xinqiao.conversation.SafetyScreen;
import org.xinqiao.conversation.Texts;
import org.xinqiao.conversation.Turn;
import org.xinqiao.escalation.Escalations;
import org.xinqiao.escalation.Urgency;
import org.xinqiao.helplines.HelpLines;

/**
 * Safety's answer to every message: assess it with the person's recent messages as context, reply
 * with a fixed reviewed template, and for high and imminent risk raise an escalation in the same
 * transaction as the message. The emergency button and "紧急求助" always reach a human.
 */
@Component
class SafetyResponder implements SafetyScreen {

  /** Earlier messages count as context for this long (repeated concern raises the level). */
  static final Duration CONTEXT_WINDOW = Duration.ofHours(24);

  static final int CONTEXT_MESSAGES = 10;
  static final String SOS_MENU_KEY = "SOS";

  private final RiskAssessor assessor;
  private final Escalations escalations;
  private final MessageLog messages;
  private final Texts texts;
  private final HelpLines helpLines;
  private final Clock clock;

  SafetyResponder(
      RiskAssessor assessor,
      Escalations escalations,
      MessageLog messages,
      Texts texts,
      HelpLines helpLines,
      Clock clock) {
    this.assessor = assessor;
    this.escalations = escalations;
    this.messages = messages;
    this.texts = texts;
    this.helpLines = helpLines;
    this.clock = clock;
  }

  @Override
  public SafetyOutcome screen(Turn turn) {
    if (SOS_MENU_KEY.equals(turn.menuKey()) || turn.says("紧急求助", "求助", "找心理老师", "救命")) {
      escalations.raise(turn, Urgency.HIGH, Set.of("help_request"));
      return SafetyOutcome.takeOver(template("safety-sos"));
    }
    if (turn.text().isEmpty()) {
      return SafetyOutcome.clear();
    }
    List<String> earlier = recentTexts(turn);
    RiskAssessment risk =
        assessor.assess(turn.text(), earlier.stream().map(assessor::assess).toList(), earlier);
    Set<String> categories =
        risk.categories().stream().map(RiskCategory::code).collect(Collectors.toSet());
    return switch (risk.level()) {
      case NONE -> SafetyOutcome.clear();
      case CONCERN -> SafetyOutcome.supportive(template("safety-concern"));
      case HIGH -> {
        escalations.raise(turn, Urgency.HIGH, categories);
        yield SafetyOutcome.takeOver(template("safety-high"));
      }
      case IMMINENT -> {
        escalations.raise(turn, Urgency.IMMINENT, categories);
        yield SafetyOutcome.takeOver(template("safety-imminent"));
      }
    };
  }

  @Override
  public String emergencyReply(String text) {
    RiskLevel level = assessor.assess(text).level();
    // this reply must not promise that a counselor was told: the escalation was not written
    return level.atLeast(RiskLevel.HIGH) ? template("safety-fallback") : null;
  }

  /**
   * The person's earlier texts of the last day, oldest first: assessed on their own for the rules'
   * context, and read together with this one by the semantic layer.
   */
  private List<String> recentTexts(Turn turn) {
    Instant since = clock.instant().minus(CONTEXT_WINDOW);
    return messages.recent(turn.person().id(), CONTEXT_MESSAGES * 2).stream()
        .filter(l -> "IN".equals(l.direction()) && l.id() != turn.messageId())
        .filter(l -> l.at().isAfter(since) && l.body() != null && !l.body().startsWith("["))
        .map(l -> l.body())
        .toList();
  }

  private String template(String name) {
    return texts.format(
        name,
        Map.of(
            "hotlines", helpLines.hotlineLines(),
            "emergency", helpLines.emergencyShort(),
            "counselor", helpLines.schoolCounselor()));
  }
}
