package org.xinqiao.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinqiao.conversation.MessageLog;
import org.xinqiao.conversation.Turn;
import org.xinqiao.people.People;
import org.xinqiao.store.AuditLog;
import org.xinqiao.store.DiskSync;

/**
 * Raising, acknowledging and closing escalations: the safety feature's way to get a human.
 *
 * <p>{@link #raise} is meant to be called from a {@code SafetyScreen} inside the pipeline's
 * transaction: the escalation, its transcript copy, the handoff state and the scheduled pages
 * commit together with the message that caused them, or not at all.
 */
@Service
public class Escalations {

  private static final Logger log = LoggerFactory.getLogger(Escalations.class);

  private final EscalationRepository escalations;
  private final EscalationPaging paging;
  private final SafeguardingPaging safeguarding;
  private final MandatoryReports reports;
  private final Handoffs handoffs;
  private final MessageLog messages;
  private final EscalationProperties properties;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final DiskSync disk;
  private final People people;

  Escalations(
      EscalationRepository escalations,
      EscalationPaging paging,
      SafeguardingPaging safeguarding,
      MandatoryReports reports,
      Handoffs handoffs,
      MessageLog messages,
      EscalationProperties properties,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock,
      DiskSync disk,
      People people) {
    this.escalations = escalations;
    this.paging = paging;
    this.safeguarding = safeguarding;
    this.reports = reports;
    this.handoffs = handoffs;
    this.messages = messages;
    this.properties = properties;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.disk = disk;
    this.people = people;
  }

  /**
   * Raises an escalation for the turn's person, or adds this turn to the one still open for them
   * (raising its urgency and categories, never lowering them). Returns the escalation id.
   *
   * @param categories safety's category codes (suicide, self_harm, abuse, sexual_abuse ...)
   */
  @Transactional
  public long raise(Turn turn, Urgency urgency, Set<String> categories) {
    return raise(turn, urgency, categories, List.of());
  }

  /**
   * As {@link #raise(Turn, Urgency, Set)}, keeping why safety raised it (shown in the console).
   *
   * @param why the layers and references that spoke, strongest first (no message text)
   */
  @Transactional
  public long raise(
      Turn turn, Urgency urgency, Set<String> categories, List<EscalationReason> why) {
    long id = raiseOrAdd(turn, urgency, categories);
    escalations.addReasons(id, turn.messageId(), why);
    return id;
  }

  private long raiseOrAdd(Turn turn, Urgency urgency, Set<String> categories) {
    long personId = turn.person().id();
    Set<String> cats = Categories.normalise(categories);
    // the safety reply tells the person a counselor is coming: on disk before it leaves
    disk.afterCommit();
    List<MessageLog.Line> recent = messages.recent(personId, properties.transcriptLines());
    Optional<Escalation> active = escalations.active(personId);
    if (active.isPresent()) {
      Escalation e = active.get();
      Set<String> merged = new TreeSet<>(e.categories());
      merged.addAll(cats);
      Urgency higher = urgency.compareTo(e.urgency()) > 0 ? urgency : e.urgency();
      escalations.upgrade(e.id(), higher, merged);
      escalations.copyTranscript(e.id(), recent);
      audit.append(
          "system",
          "escalation.updated",
          "escalation",
          Long.toString(e.id()),
          "message=" + turn.messageId() + " urgency=" + higher);
      boolean raised = higher != e.urgency();
      if (raised && e.status() == EscalationStatus.OPEN) {
        paging.hurry(e);
      }
      if (!e.mandatoryReport() && Categories.mandatoryReport(merged)) {
        safeguarding.pageRound(escalations.find(e.id()).orElseThrow(), 0);
      }
      if (raised && e.status() == EscalationStatus.ACKNOWLEDGED && escalations.reopen(e.id())) {
        // a counselor holds the case, but it just became more urgent (say, pills being taken
        // now): it needs a fresh acknowledgement within the new level's deadline, so it is open
        // again and the on-call chain is paged anew; the holder keeps the chat
        audit.append(
            "system",
            "escalation.reopened",
            "escalation",
            Long.toString(e.id()),
            "urgency=" + higher);
        paging.pageAgain(escalations.find(e.id()).orElseThrow());
      }
      handoffs.relayAfterCommit(turn, raised ? higher : null);
      events.publishEvent(new EscalationRaised(e.id(), personId, higher, merged, false));
      return e.id();
    }
    Instant now = clock.instant();
    long id =
        escalations.insert(
            personId, turn.person().role().name(), turn.messageId(), urgency, cats, now);
    escalations.copyTranscript(id, recent);
    Escalation e = escalations.find(id).orElseThrow();
    audit.append(
        "system",
        "escalation.raised",
        "escalation",
        Long.toString(id),
        "urgency="
            + urgency
            + " categories="
            + String.join(",", cats)
            + (e.mandatoryReport() ? " mandatory-report" : ""));
    handoffs.awaitCounselor(personId, id);
    paging.pageStep(e, 0);
    if (e.mandatoryReport()) {
      safeguarding.pageRound(e, 0);
    }
    events.publishEvent(new EscalationRaised(id, personId, urgency, cats, true));
    log.info("escalation {} raised for {}: {} {}", id, turn.person().pseudonym(), urgency, cats);
    return id;
  }

  /** The outcome of an acknowledgement. */
  public record Acknowledgement(boolean accepted, Escalation escalation) {}

  /**
   * A named counselor takes the escalation (and the chat). Empty when there is no such escalation;
   * not accepted when someone already did.
   */
  @Transactional
  public Optional<Acknowledgement> acknowledge(long id, long counselorId, String name, String via) {
    Optional<Escalation> found = escalations.find(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (!escalations.acknowledge(id, counselorId, name, clock.instant())) {
      return Optional.of(new Acknowledgement(false, found.get()));
    }
    audit.append(
        "counselor:" + counselorId,
        "escalation.acknowledged",
        "escalation",
        Long.toString(id),
        "via=" + via);
    Escalation e = escalations.find(id).orElseThrow();
    handoffs.take(e.personId(), id, counselorId, name);
    return Optional.of(new Acknowledgement(true, e));
  }

  /** What became of a request to close. */
  public enum Closing {
    CLOSED,
    /** Already closed, or no such escalation. */
    NOT_OPEN,
    /** A possible mandatory report without a recorded decision: never closed. */
    REPORT_DECISION_MISSING
  }

  /** Closes with an outcome; the chat returns to the bot. */
  @Transactional
  public Closing close(long id, long counselorId, String name, Outcome outcome, String note) {
    Optional<Escalation> found = escalations.find(id);
    String bounded =
        note == null
            ? null
            : note.strip().length() > 2000 ? note.strip().substring(0, 2000) : note.strip();
    if (found.isPresent()
        && found.get().status() != EscalationStatus.CLOSED
        && !reports.mayClose(id)) {
      audit.append(
          "counselor:" + counselorId, "escalation.close-refused", "escalation", "" + id, null);
      return Closing.REPORT_DECISION_MISSING;
    }
    if (found.isEmpty()
        || !escalations.close(id, counselorId, name, outcome, bounded, clock.instant())) {
      return Closing.NOT_OPEN;
    }
    audit.append(
        "counselor:" + counselorId,
        "escalation.closed",
        "escalation",
        Long.toString(id),
        "outcome=" + outcome);
    long personId = found.get().personId();
    handoffs.release(personId, counselorId, name);
    // a person who deleted their data while the case was open was kept only as a contact: it goes
    // now, after the closing notice above has been sent (synchronizations run in order)
    handoffs.afterCommit(() -> people.releaseKeptContact(personId));
    return Closing.CLOSED;
  }

  /** The person's escalation that is not yet closed, if any. */
  public Optional<Escalation> activeFor(long personId) {
    return escalations.active(personId);
  }

  /**
   * When a counselor last closed one of the person's escalations: what the person said before is
   * settled by a human and no longer carries its risk into new messages.
   */
  public Optional<Instant> lastClosedFor(long personId) {
    return escalations.lastClosed(personId);
  }

  public Optional<Escalation> find(long id) {
    return escalations.find(id);
  }

  /** Not yet closed: imminent first, then newest first. */
  public List<Escalation> unclosed() {
    return escalations.unclosed();
  }

  /** The transcript copied into the escalation (kept when the person's own data is deleted). */
  public List<MessageLog.Line> transcript(long id) {
    return escalations.transcript(id);
  }

  /** Why safety raised it, by the message that gave the reasons (the messages that raised it). */
  public java.util.Map<Long, List<EscalationReason>> reasons(long id) {
    return escalations.reasons(id);
  }

  List<Escalation> recentlyClosed() {
    return escalations.recentlyClosed(20);
  }
}
