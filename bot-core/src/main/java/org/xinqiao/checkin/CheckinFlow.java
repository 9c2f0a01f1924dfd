package org.xinqiao.checkin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.conversation.ActiveDialogs;
import org.xinqiao.conversation.SafetyScreen;
import org.xinqiao.conversation.Texts;
import org.xinqiao.conversation.Turn;
import org.xinqiao.escalation.Escalations;
import org.xinqiao.escalation.Urgency;
import org.xinqiao.helplines.HelpLines;
import org.xinqiao.people.Person;

/**
 * Runs one check-in: starts it (within its frequency), takes each answer, pages a counselor on an
 * alert answer, screens the words of options marked {@code screen}, and at the end records the
 * result and offers to share it.
 */
@Service
@EnableConfigurationProperties(CheckinProperties.class)
class CheckinFlow {

  private static final Logger log = LoggerFactory.getLogger(CheckinFlow.class);
  static final String DIALOG = "checkin";
  static final String ALERT_CATEGORY = "checkin_alert";

  private final CheckinCatalog catalog;
  private final ResultRepository results;
  private final ActiveDialogs dialogs;
  private final Escalations escalations;
  private final SafetyScreen safety;
  private final TransactionTemplate tx;
  private final CheckinReplies replies;
  private final CheckinProperties properties;
  private final Clock clock;

  CheckinFlow(
      CheckinCatalog catalog,
      ResultRepository results,
      ActiveDialogs dialogs,
      Escalations escalations,
      SafetyScreen safety,
      TransactionTemplate tx,
      Texts texts,
      HelpLines helpLines,
      CheckinProperties properties,
      Clock clock) {
    this.catalog = catalog;
    this.results = results;
    this.dialogs = dialogs;
    this.escalations = escalations;
    this.safety = safety;
    this.tx = tx;
    this.replies = new CheckinReplies(texts, helpLines, clock.getZone());
    this.properties = properties;
    this.clock = clock;
  }

  CheckinReplies replies() {
    return replies;
  }

  Optional<Result> latest(Person person, Checkin checkin) {
    return results.latest(person.id(), checkin.id());
  }

  String start(Person person, Checkin checkin) {
    Optional<Result> last = latest(person, checkin);
    LocalDate today = LocalDate.now(clock);
    if (last.isPresent()
        && today.isBefore(checkin.frequency().nextAllowed(replies.day(last.get())))) {
      return replies.tooSoon(checkin, last.get());
    }
    dialogs.start(person, DIALOG, DialogState.begin(checkin.id()).encode());
    return replies.intro(checkin);
  }

  /** The next step after an answer; empty when the stored check-in no longer exists. */
  Optional<String> answer(Turn turn, DialogState state) {
    Optional<Checkin> found = catalog.find(state.checkinId());
    if (found.isEmpty() || state.item() >= found.get().items().size()) {
      dialogs.end(turn.person());
      return Optional.empty();
    }
    Checkin checkin = found.get();
    Checkin.Item item = checkin.items().get(state.item());
    OptionalInt chosen = Answers.read(item, turn.text());
    if (chosen.isEmpty()) {
      return Optional.of(replies.notAnAnswer(checkin, state.item()));
    }
    int option = chosen.getAsInt();
    DialogState next = state.answered(option);
    if (option >= 0 && item.options().get(option).alert()) {
      return Optional.of(alert(turn, checkin, next));
    }
    String screened = "";
    if (option >= 0 && item.screen()) {
      SafetyScreen.SafetyOutcome outcome = screenWords(turn, item.options().get(option).text());
      if (outcome.final_()) {
        dialogs.end(turn.person());
        return Optional.of(outcome.reply());
      }
      screened = outcome.hasReply() ? outcome.reply() + "\n\n" : "";
    }
    if (next.item() < checkin.items().size()) {
      dialogs.start(turn.person(), DIALOG, next.encode());
      return Optional.of(screened + replies.question(checkin, next.item()));
    }
    return Optional.of(screened + finish(turn.person(), checkin, next));
  }

  /** "分享" or "不分享" after a result; empty for anything else (the dialog is over then). */
  Optional<String> share(Turn turn, DialogState state) {
    // only an explicit "分享" shares: "好的" after a long result may just mean "thanks"
    if (turn.says("分享", "分享给老师", "分享给心理老师")) {
      dialogs.end(turn.person());
      results.share(state.resultId(), turn.person().id(), clock.instant());
      log.info("check-in result {} shared by {}", state.resultId(), turn.person().pseudonym());
      return Optional.of(replies.shared());
    }
    dialogs.end(turn.person());
    if (turn.says("不分享", "不用", "不用了", "不需要", "不要", "不")) {
      return Optional.of(replies.notShared(properties.retention().toDays()));
    }
    return Optional.empty();
  }

  private String finish(Person person, Checkin checkin, DialogState done) {
    int score = score(checkin, done);
    Checkin.Band band = checkin.band(score).orElseThrow();
    long id =
        results.insert(
            person.id(),
            checkin.id(),
            true,
            score,
            band.label(),
            band.worrying(),
            done.answers(),
            clock.instant(),
            null);
    Optional<Result> previous = results.previousComplete(person.id(), checkin.id(), id);
    Optional<Trend.Direction> trend = previous.map(p -> Trend.between(checkin, p.score(), score));
    dialogs.start(person, DIALOG, DialogState.sharing(id).encode());
    log.info("check-in {} finished by {} (result {})", checkin.id(), person.pseudonym(), id);
    return replies.result(checkin, band, trend, previous.orElse(null));
  }

  /** The escalation and the answers that caused it commit together, or not at all. */
  private String alert(Turn turn, Checkin checkin, DialogState answered) {
    tx.executeWithoutResult(
        status -> {
          long escalation = escalations.raise(turn, Urgency.HIGH, Set.of(ALERT_CATEGORY));
          results.insert(
              turn.person().id(),
              checkin.id(),
              false,
              score(checkin, answered),
              null,
              true,
              answered.answers(),
              clock.instant(),
              escalation);
        });
    dialogs.end(turn.person());
    log.info(
        "check-in {} alert answer by {}: counselor paged", checkin.id(), turn.person().pseudonym());
    return replies.alert();
  }

  /** The chosen option's words, assessed as if the person had typed them. */
  private SafetyScreen.SafetyOutcome screenWords(Turn turn, String words) {
    InboundMessage m = turn.message();
    InboundMessage said =
        InboundMessage.text(
            m.channel(), m.accountId(), m.userId(), words, m.dedupeKey(), m.sentAt());
    return tx.execute(status -> safety.screen(new Turn(turn.person(), said, turn.messageId())));
  }

  private static int score(Checkin checkin, DialogState state) {
    int total = 0;
    for (int i = 0; i < state.answers().size(); i++) {
      int a = state.answers().get(i);
      if (a >= 0) {
        total += checkin.items().get(i).options().get(a).score();
      }
    }
    return total;
  }
}
