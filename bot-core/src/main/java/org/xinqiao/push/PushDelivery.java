package org.xinqiao.push;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.ChannelException;

/**
 * Takes one claimed run through cover, draft, preview and mass send. Each finished step is stored,
 * so a retry (next check, another instance, after a crash) resumes where the last one stopped and
 * repeats the mass send only with the same clientmsgid, which WeChat sends at most once.
 */
@Component
class PushDelivery {

  private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);

  /** Longer than the slowest WeChat call chain (WxJava may back off for about 31 s on -1). */
  static final Duration LEASE = Duration.ofMinutes(3);

  private final PushRuns runs;
  private final ArticleCatalog catalog;
  private final PushMedia media;
  private final AudienceTags tags;
  private final MassSender sender;
  private final ArticleLinks links;
  private final AdminNotifier admins;
  private final AnnouncementCards announcements;
  private final List<ArticleAddendum> addenda;
  private final PushProperties properties;
  private final Clock clock;

  PushDelivery(
      PushRuns runs,
      ArticleCatalog catalog,
      PushMedia media,
      AudienceTags tags,
      MassSender sender,
      ArticleLinks links,
      AdminNotifier admins,
      AnnouncementCards announcements,
      List<ArticleAddendum> addenda,
      PushProperties properties,
      Clock clock) {
    this.runs = runs;
    this.catalog = catalog;
    this.media = media;
    this.tags = tags;
    this.sender = sender;
    this.links = links;
    this.admins = admins;
    this.announcements = announcements;
    this.addenda = addenda;
    this.properties = properties;
    this.clock = clock;
  }

  /** One delivery attempt; true when WeChat accepted the mass send. */
  boolean deliver(long runId) {
    if (!runs.lease(runId, clock.instant(), LEASE)) {
      return false; // someone else is on it, or it is no longer claimed
    }
    PushRun run = runs.byId(runId).orElseThrow();
    Article article =
        run.kind() == PushRun.Kind.ANNOUNCEMENT
            ? catalog.all(run.audience()).stream().findFirst().orElse(null) // its cover only
            : catalog.byId(run.articleId()).orElse(null);
    try {
      if (article == null) {
        throw new ChannelException(0, "article " + run.articleId() + " no longer exists");
      }
      String cover = run.coverMediaId();
      if (cover == null) {
        cover = media.coverFor(article);
        runs.coverUploaded(runId, cover);
      }
      String draft = run.draftMediaId();
      if (draft == null) {
        draft = sender.addDraft(draftOf(run, article, cover));
        runs.draftAdded(runId, draft);
      }
      if (run.kind() == PushRun.Kind.SCHEDULED && run.previewSentAt() == null) {
        preview(run, draft);
      }
      long tagId = tags.tagId(run.audience());
      MassSender.MassSent sent;
      try {
        sent = sender.sendToTag(tagId, draft, run.clientMsgId());
      } catch (ChannelException e) {
        if (e.code() != MassSender.CLIENT_MSG_ID_USED) {
          throw e;
        }
        sent = new MassSender.MassSent(null, null); // an earlier attempt got through
      }
      runs.sent(runId, sent.msgId(), sent.msgDataId(), clock.instant());
      log.info("push run {} ({}) sent as mass send {}", runId, run.runKey(), sent.msgId());
      return true;
    } catch (ChannelException | RuntimeException e) {
      String error =
          e instanceof ChannelException c ? "errcode " + c.code() : e.getClass().getSimpleName();
      boolean giveUp = run.attempts() >= properties.maxAttempts();
      runs.attemptFailed(runId, error, giveUp);
      log.warn("push run {} attempt {} failed: {}", runId, run.attempts(), error);
      if (giveUp) {
        admins.pushFailed(run, article, error);
      }
      return false;
    }
  }

  /**
   * The weekly article with what other features append (coming events), or an announcement's card
   * under the audience's series cover.
   */
  private MassSender.Draft draftOf(PushRun run, Article article, String cover)
      throws ChannelException {
    if (run.kind() == PushRun.Kind.ANNOUNCEMENT) {
      Announcements.Card card =
          announcements
              .of(run)
              .orElseThrow(() -> new ChannelException(0, "announcement content missing"));
      return new MassSender.Draft(card.title(), card.digest(), card.html(), cover, null);
    }
    StringBuilder html = new StringBuilder(catalog.html(article));
    for (ArticleAddendum addendum : addenda) {
      try {
        html.append(addendum.html(run.audience()));
      } catch (RuntimeException e) {
        // an addendum is extra: the article goes out without it rather than not at all
        log.warn("push run {}: addendum left out: {}", run.id(), e.getClass().getSimpleName());
      }
    }
    return new MassSender.Draft(
        article.title(), article.summary(), html.toString(), cover, links.article(article));
  }

  private void preview(PushRun run, String draft) {
    for (String openid : properties.previewOpenids()) {
      try {
        sender.preview(openid, draft);
      } catch (ChannelException e) {
        // a preview is a courtesy check; it must not hold up the families' article
        log.warn("push run {} preview failed: errcode {}", run.id(), e.code());
      }
    }
    runs.previewed(run.id(), clock.instant());
  }
}
