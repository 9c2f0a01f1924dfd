package org.xinqiao.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.xinqiao.conversation.MessageLog;
import org.xinqiao.conversation.SafetyScreen;
import org.xinqiao.conversation.Texts;
import org.xinqiao.conversation.Turn;
import org.xinqiao.escalation.EscalationReason;
import org.xinqiao.escalation.Escalations;
import org.xinqiao.escalation.Urgency;
import org.xinqiao.helplines.HelpLines;
import org.xinqiao.store.AuditLog;

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
  private final SafetyQuestions questions;
  private final AuditLog audit;
  private final Texts texts;
  private final HelpLines helpLines;
  private final Clock clock;

  SafetyResponder(
      RiskAssessor assessor,
      Escalations escalations,
      MessageLog messages,
      SafetyQuestions questions,
      AuditLog audit,
      Texts texts,
      HelpLines helpLines,
      Clock clock) {
    this.assessor = assessor;
    this.escalations = escalations;
    this.messages = messages;
    this.questions = questions;
    this.audit = audit;
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
    Set<String> categories = codes(risk);
    List<EscalationReason> why = reasons(risk);
    Instant now = clock.instant();
    Optional<SafetyQuestions.Pending> pending =
        questions.pending(turn.person().id(), now.minus(DirectQuestion.ONCE_PER));
    if (pending.isPresent()) {
      Optional<SafetyOutcome> answered = readAnswer(turn, risk, pending.get(), now);
      if (answered.isPresent()) {
        return answered.get();
      }
    }
    if (risk.atLeast(RiskLevel.HIGH)
        && carriedOnly(risk)
        && escalations.activeFor(turn.person().id()).isPresent()) {
      // an ordinary line after a risky one ("好的", a check-in answer): the risk is already with a
      // counselor; the message joins the escalation's transcript and goes its usual way (relayed
      // to a counselor who holds the chat), without repeating the safety reply or paging again
      Urgency urgency = risk.level() == RiskLevel.IMMINENT ? Urgency.IMMINENT : Urgency.HIGH;
      escalations.raise(turn, urgency, categories, why);
      return SafetyOutcome.clear();
    }
    return switch (risk.level()) {
      case NONE, CONCERN -> {
        if (risk.ask()
            && !questions.askedSince(turn.person().id(), now.minus(DirectQuestion.ONCE_PER))) {
          yield ask(turn, risk, now);
        }
        yield risk.level() == RiskLevel.NONE && !risk.ask()
            ? SafetyOutcome.clear()
            : SafetyOutcome.supportive(template("safety-concern"));
      }
      case HIGH -> {
        escalations.raise(turn, Urgency.HIGH, categories, why);
        yield SafetyOutcome.takeOver(template("safety-high"));
      }
      case IMMINENT -> {
        escalations.raise(turn, Urgency.IMMINENT, categories, why);
        yield SafetyOutcome.takeOver(template("safety-imminent"));
      }
    };
  }

  /** The middle band: one warm, direct question, remembered in the database. */
  private SafetyOutcome ask(Turn turn, RiskAssessment risk, Instant now) {
    SafetyQuestions.About about = DirectQuestion.about(turn.person(), turn.text());
    questions.asked(
        turn.person().id(), turn.messageId(), about, String.join(",", codes(risk)), now);
    audit.append(
        "system",
        "safety.asked",
        "message",
        Long.toString(turn.messageId()),
        "person=" + turn.person().pseudonym() + " about=" + about);
    return SafetyOutcome.takeOver(
        template(about == SafetyQuestions.About.CHILD ? "safety-ask-child" : "safety-ask-self"));
  }

  /**
   * The reply to a pending question. A high or imminent reply takes the usual path with the
   * question named among its reasons; a clear no is thanked; anything else escalates. Empty when
   * the question lapsed after silence and this message is ordinary: it goes on as usual.
   */
  private Optional<SafetyOutcome> readAnswer(
      Turn turn, RiskAssessment risk, SafetyQuestions.Pending asked, Instant now) {
    // the answer is read on its own: joined with the worrying message that made the bot ask, even a
    // plain "没有" would look worrying to the context layer
    RiskAssessment own = assessor.assess(turn.text());
    boolean worrying = own.atLeast(RiskLevel.CONCERN) || own.ask();
    DirectQuestion.Answer answer =
        own.atLeast(RiskLevel.HIGH)
            ? DirectQuestion.Answer.RISKY
            : DirectQuestion.read(turn.text(), worrying, asked.askedAt(), now);
    questions.answered(asked.id(), answer, now);
    audit.append(
        "system",
        "safety.answered",
        "message",
        Long.toString(turn.messageId()),
        "person=" + turn.person().pseudonym() + " answer=" + answer.code());
    if (!answer.escalates()) {
      return answer == DirectQuestion.Answer.NO
          ? Optional.of(SafetyOutcome.takeOver(template("safety-ask-no")))
          : Optional.empty();
    }
    Set<String> categories = new TreeSet<>(codes(risk));
    for (String c : asked.categories().split(",")) {
      if (!c.isBlank()) {
        categories.add(c);
      }
    }
    if (categories.isEmpty() || categories.equals(Set.of("distress"))) {
      categories.add("suicide"); // the question asked was about ending one's life
    }
    List<EscalationReason> why = new ArrayList<>();
    why.add(
        new EscalationReason(
            "ask",
            "asked "
                + asked.about().name().toLowerCase(java.util.Locale.ROOT)
                + " at message "
                + asked.messageId()
                + ", answer "
                + answer.code(),
            1.0));
    why.addAll(reasons(risk));
    boolean imminent = risk.level() == RiskLevel.IMMINENT;
    escalations.raise(turn, imminent ? Urgency.IMMINENT : Urgency.HIGH, categories, why);
    return Optional.of(
        SafetyOutcome.takeOver(template(imminent ? "safety-imminent" : "safety-high")));
  }

  private static Set<String> codes(RiskAssessment risk) {
    return risk.categories().stream().map(RiskCategory::code).collect(Collectors.toSet());
  }

  private static List<EscalationReason> reasons(RiskAssessment risk) {
    return risk.why().stream()
        .map(r -> new EscalationReason(r.layer().code(), r.ref(), r.score()))
        .toList();
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
    Instant window = clock.instant().minus(CONTEXT_WINDOW);
    // what a counselor has since closed is settled: it no longer colours new messages
    Instant since =
        escalations
            .lastClosedFor(turn.person().id())
            .filter(closed -> closed.isAfter(window))
            .orElse(window);
    return messages.recent(turn.person().id(), CONTEXT_MESSAGES * 2).stream()
        .filter(l -> "IN".equals(l.direction()) && l.id() != turn.messageId())
        .filter(l -> l.at().isAfter(since) && l.body() != null && !l.body().startsWith("["))
        .map(l -> l.body())
        .toList();
  }

  /** The level is only what earlier messages said, carried over; this text itself says less. */
  private static boolean carriedOnly(RiskAssessment risk) {
    // a retraction ("开玩笑的") is answered again: the person is told the worry still stands
    return risk.ruleIds().contains(RiskAssessor.CARRIED_OVER);
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
