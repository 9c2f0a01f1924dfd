package org.xinqiao.safety;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinqiao.conversation.MessageLog;
import org.xinqiao.escalation.Escalation;
import org.xinqiao.escalation.Escalations;
import org.xinqiao.escalation.ExemplarLookup;
import org.xinqiao.store.AuditLog;
import org.xinqiao.text.PersonalDetails;

/**
 * Counselors' verdicts become candidate exemplars, reviewed before use (issue 9 item 7). Accepted
 * ones join the nearest-exemplar index at once on this instance, at start-up on every instance, and
 * within a minute on the others; they are exported in the exemplar TSV format for the next {@code
 * safety train}. Everything is audited; no candidate text is ever logged.
 */
@Service
class ReviewedExemplars implements ExemplarLookup, CandidateExport {

  private static final Logger log = LoggerFactory.getLogger(ReviewedExemplars.class);
  private static final long REFRESH_SECONDS = 60;

  /** A candidate's text is cut to this many characters (a long message keeps its first part). */
  private static final int MAX_CANDIDATE_CHARS = 1000;

  /** Why a verdict was not taken, for the console. */
  record Refused(String reason) {}

  private final ExemplarCandidates candidates;
  private final Escalations escalations;
  private final RiskAssessor assessor;
  private final AuditLog audit;
  private final Clock clock;
  private volatile long loaded = -1;
  private ScheduledExecutorService refresher;

  ReviewedExemplars(
      ExemplarCandidates candidates,
      Escalations escalations,
      RiskAssessor assessor,
      AuditLog audit,
      Clock clock) {
    this.candidates = candidates;
    this.escalations = escalations;
    this.assessor = assessor;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Records a verdict on one inbound line of an escalation's transcript. A false alarm is only for
   * a message that raised it; a missed message names the level (concern or above) and category it
   * should have had.
   */
  @Transactional
  Optional<Refused> propose(
      long escalationId,
      long messageId,
      ExemplarCandidate.Verdict verdict,
      RiskLevel level,
      String category,
      String person,
      long staffId) {
    Optional<Escalation> e = escalations.find(escalationId);
    if (e.isEmpty()) {
      return Optional.of(new Refused("没有这条提醒。"));
    }
    Optional<MessageLog.Line> line =
        escalations.transcript(escalationId).stream()
            .filter(l -> l.id() == messageId && "IN".equals(l.direction()) && l.body() != null)
            .findFirst();
    if (line.isEmpty() || line.get().body().startsWith("[")) {
      return Optional.of(new Refused("这条消息不在这条提醒的对话记录里，或不是文字。"));
    }
    String cat;
    RiskLevel should;
    if (verdict == ExemplarCandidate.Verdict.FALSE_ALARM) {
      boolean raised =
          e.get().messageId() == messageId
              || escalations.reasons(escalationId).containsKey(messageId);
      if (!raised) {
        return Optional.of(new Refused("只有引起提醒的消息可以标为误报。"));
      }
      should = RiskLevel.NONE;
      cat = "-";
    } else {
      if (level == null || !level.atLeast(RiskLevel.CONCERN) || category == null) {
        return Optional.of(new Refused("标为漏报时请选择应有的等级和类别。"));
      }
      should = level;
      cat = RiskCategory.fromCode(category).code();
    }
    String who = person == null || !List.of("self", "third").contains(person) ? "-" : person;
    Optional<Long> id =
        candidates.propose(
            escalationId,
            messageId,
            verdict,
            should,
            cat,
            who,
            PersonalDetails.mask(line.get().body(), MAX_CANDIDATE_CHARS),
            staffId,
            clock.instant());
    if (id.isEmpty()) {
      return Optional.of(new Refused("这条消息已经标记过了。"));
    }
    audit.append(
        "counselor:" + staffId,
        "safety.candidate.proposed",
        "exemplar_candidate",
        Long.toString(id.get()),
        "verdict="
            + verdict
            + " level="
            + should.code()
            + " category="
            + cat
            + " escalation="
            + escalationId
            + " message="
            + messageId);
    return Optional.empty();
  }

  /** Accepts or rejects a pending candidate; false when it was not pending. */
  @Transactional
  boolean review(long id, boolean accept, String actor, long staffId) {
    ExemplarCandidate.Status status =
        accept ? ExemplarCandidate.Status.ACCEPTED : ExemplarCandidate.Status.REJECTED;
    if (!candidates.review(id, status, staffId, clock.instant())) {
      return false;
    }
    audit.append(
        actor,
        accept ? "safety.candidate.accepted" : "safety.candidate.rejected",
        "exemplar_candidate",
        Long.toString(id),
        null);
    if (accept) {
      candidates.find(id).ifPresent(c -> assessor.addReviewed(List.of(c.asExemplar())));
    }
    return true;
  }

  List<ExemplarCandidate> queue() {
    return candidates.queue(30);
  }

  /** The accepted candidates as exemplar lines (header first); returns how many. */
  @Override
  public int exportTsv(Writer out) throws IOException {
    out.write(
        "# Reviewed candidate exemplars exported from the counselor console. Masked message text"
            + " (children's data):\n# move the lines into safety/examples/*.tsv, then run"
            + " safety train; delete this file afterwards.\n");
    out.write(String.join("\t", ExemplarFiles.HEADER) + "\n");
    List<ExemplarCandidate> accepted = candidates.accepted();
    for (ExemplarCandidate c : accepted) {
      out.write(c.tsvLine() + "\n");
    }
    out.flush();
    return accepted.size();
  }

  @Override
  public Optional<String> exemplarText(String ref) {
    return assessor.exemplarText(ref);
  }

  /**
   * Every instance loads the accepted candidates at start-up and looks for new ones each minute.
   */
  @EventListener(ApplicationReadyEvent.class)
  void loadAccepted() {
    refresh();
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "reviewed-exemplars-refresh");
              t.setDaemon(true);
              return t;
            });
    refresher.scheduleWithFixedDelay(
        this::refreshQuietly, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    if (refresher != null) {
      refresher.shutdownNow();
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.warn("reviewed exemplars not refreshed: {}", e.getClass().getSimpleName());
    }
  }

  private void refresh() {
    long last = candidates.lastAccepted();
    if (last != loaded) {
      List<ExemplarCandidate> accepted = candidates.accepted();
      assessor.addReviewed(accepted.stream().map(ExemplarCandidate::asExemplar).toList());
      loaded = last;
      log.info("safety: {} reviewed exemplars in the index", accepted.size());
    }
  }
}
