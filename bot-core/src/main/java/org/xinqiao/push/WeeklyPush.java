package org.xinqiao.push;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.push.PushRun.Kind;
import org.xinqiao.push.PushRun.Status;
import org.xinqiao.push.PushRuns.TermWeek;

/**
 * Decides what the weekly push must do now. Run by a durable recurring task (one instance at a
 * time); every decision is a row in {@code push_run} claimed before anything is sent, so replays,
 * restarts and a second instance never send a week twice.
 *
 * <p>Catch-up: the week whose slot passed most recently is sent late if it has not gone out (the
 * bot was down at 19:00 on Monday, say, and came back on Wednesday). Earlier weeks that never went
 * out are recorded as STALE and skipped: last week's article arriving next to this week's would
 * confuse families, and it stays readable through "往期".
 */
@Service
@EnableConfigurationProperties(PushProperties.class)
class WeeklyPush {

  private static final Logger log = LoggerFactory.getLogger(WeeklyPush.class);

  private final TermCalendar calendar;
  private final ArticleCatalog catalog;
  private final PushRuns runs;
  private final PushDelivery delivery;
  private final AudienceTags tags;
  private final AdminNotifier admins;
  private final PushProperties properties;
  private final Clock clock;

  WeeklyPush(
      TermCalendar calendar,
      ArticleCatalog catalog,
      PushRuns runs,
      PushDelivery delivery,
      AudienceTags tags,
      AdminNotifier admins,
      PushProperties properties,
      Clock clock) {
    this.calendar = calendar;
    this.catalog = catalog;
    this.runs = runs;
    this.delivery = delivery;
    this.tags = tags;
    this.admins = admins;
    this.properties = properties;
    this.clock = clock;
  }

  /** One check: sync tags, claim what is due, resume what is unfinished. */
  void check() {
    if (!calendar.configured()) {
      return;
    }
    try {
      tags.reconcile();
    } catch (ChannelException | RuntimeException e) {
      log.warn("tag reconcile deferred: {}", e.getMessage());
    }
    Instant now = clock.instant();
    OptionalInt due = calendar.dueWeek(now);
    if (due.isPresent()) {
      for (Audience audience : Audience.values()) {
        recordMissedWeeks(audience, due.getAsInt(), now);
        claimIfDue(audience, due.getAsInt(), now);
      }
    }
    for (PushRun run : runs.withStatus(Status.CLAIMED)) {
      if (run.kind() == Kind.SCHEDULED && !isCurrent(run, due)) {
        if (runs.markStale(run.id(), "week passed before it went out")) {
          log.warn("push run {} ({}) skipped: its week has passed", run.id(), run.runKey());
        }
        continue;
      }
      delivery.deliver(run.id());
    }
  }

  private boolean isCurrent(PushRun run, OptionalInt due) {
    return due.isPresent()
        && calendar.termStart().equals(run.termStart())
        && run.week() != null
        && run.week() == due.getAsInt();
  }

  private void recordMissedWeeks(Audience audience, int dueWeek, Instant now) {
    for (int w = 1; w < dueWeek; w++) {
      TermWeek week = new TermWeek(calendar.termStart(), w);
      Optional<Article> article = catalog.forWeek(audience, w);
      if (article.isPresent() && !runs.exists(week, audience)) {
        runs.claim(
            runKey(week, audience),
            Kind.SCHEDULED,
            week,
            audience,
            article.get().id(),
            Status.STALE,
            null,
            now);
        log.warn("push {} week {} was never sent and is skipped", audience, w);
      }
    }
  }

  private void claimIfDue(Audience audience, int dueWeek, Instant now) {
    TermWeek week = new TermWeek(calendar.termStart(), dueWeek);
    Optional<Article> article = catalog.forWeek(audience, dueWeek);
    if (article.isEmpty() || runs.exists(week, audience)) {
      return;
    }
    Status status = monthlyCapReached(audience, now) ? Status.CAPPED : Status.CLAIMED;
    Optional<PushRun> claimed =
        runs.claim(
            runKey(week, audience),
            Kind.SCHEDULED,
            week,
            audience,
            article.get().id(),
            status,
            null,
            now);
    if (claimed.isPresent() && status == Status.CAPPED) {
      log.info("push {} week {} capped: monthly mass-send limit reached", audience, dueWeek);
      admins.monthlyCapReached(article.get(), properties.monthlyMassSendLimit());
    }
  }

  /** WeChat lets a service-account follower receive this many mass sends per calendar month. */
  boolean monthlyCapReached(Audience audience, Instant now) {
    ZonedDateTime monthStart =
        now.atZone(clock.getZone()).withDayOfMonth(1).toLocalDate().atStartOfDay(clock.getZone());
    long sent =
        runs.massSendsBetween(
            audience, monthStart.toInstant(), monthStart.plusMonths(1).toInstant());
    return sent >= properties.monthlyMassSendLimit();
  }

  /** The outcome of an admin's manual send. */
  enum ManualOutcome {
    SENT,
    QUEUED,
    CAPPED,
    UNKNOWN_ARTICLE
  }

  /** An admin sends an article now (console, after confirming); retried by later checks. */
  ManualOutcome sendNow(String articleId, long adminId) {
    Optional<Article> article = catalog.byId(articleId);
    if (article.isEmpty()) {
      return ManualOutcome.UNKNOWN_ARTICLE;
    }
    Instant now = clock.instant();
    Audience audience = article.get().audience();
    if (monthlyCapReached(audience, now)) {
      return ManualOutcome.CAPPED;
    }
    String key = "manual-" + UUID.randomUUID();
    PushRun run =
        runs.claim(key, Kind.MANUAL, null, audience, articleId, Status.CLAIMED, adminId, now)
            .orElseThrow();
    log.info("manual push run {} of {} by p{}", run.id(), articleId, adminId);
    return delivery.deliver(run.id()) ? ManualOutcome.SENT : ManualOutcome.QUEUED;
  }

  /** MASSSENDJOBFINISH: WeChat's delivery counts for a mass send; false for an unknown msg_id. */
  boolean massSendFinished(String msgId, PushRun.Delivery counts) {
    boolean known = msgId != null && runs.finished(msgId, counts, clock.instant());
    if (!known) {
      log.info("mass send {} finished but is not one of ours", msgId);
    }
    return known;
  }

  List<PushRun> history(int limit) {
    return runs.recent(limit);
  }

  static String runKey(TermWeek week, Audience audience) {
    return week.termStart().toString().replace("-", "") + "-w" + week.week() + "-" + audience.key();
  }
}
