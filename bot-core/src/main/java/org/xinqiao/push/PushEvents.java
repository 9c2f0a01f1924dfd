package org.xinqiao.push;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.channels.wechat.MassSendReport;
import org.xinqiao.people.People;

/** Keeps tags in step with what other features report, and records WeChat's delivery counts. */
@Component
class PushEvents {

  private static final Logger log = LoggerFactory.getLogger(PushEvents.class);

  private final AudienceTags tags;
  private final WeeklyPush push;

  PushEvents(AudienceTags tags, WeeklyPush push) {
    this.tags = tags;
    this.push = push;
  }

  /** A parent became staff: move them from the parents' tag to the teachers'. */
  @EventListener
  void on(People.StaffEnrolled enrolled) {
    tags.syncPerson(enrolled.personId());
  }

  /**
   * Follow, unfollow and consent change who may get the weekly article: tag (or untag) the person
   * now instead of at the next check. Runs on the caller's thread, outside the pipeline's
   * transaction; a failure is left to the next reconcile.
   */
  @EventListener
  void on(People.Followed followed) {
    tags.syncPerson(followed.personId());
  }

  @EventListener
  void on(People.Unfollowed unfollowed) {
    tags.syncPerson(unfollowed.personId());
  }

  @EventListener
  void on(People.Consented consented) {
    tags.syncPerson(consented.personId());
  }

  /** A withdrawn consent takes the person out of their audience's tag: no weekly article. */
  @EventListener
  void on(People.ConsentWithdrawn withdrawn) {
    tags.syncPerson(withdrawn.personId());
  }

  /** Published before the person's rows go: untag them while the openid is still known. */
  @EventListener
  void on(People.PersonForgotten forgotten) {
    try {
      tags.removeNow(forgotten.personId());
    } catch (ChannelException | RuntimeException e) {
      log.warn("could not untag p{} before deletion: {}", forgotten.personId(), e.getMessage());
    }
  }

  /** WeChat's MASSSENDJOBFINISH, published once per event by the WeChat portal. */
  @EventListener
  void on(MassSendReport finished) {
    push.massSendFinished(
        finished.msgId(),
        new PushRun.Delivery(
            finished.status(),
            finished.totalCount(),
            finished.filterCount(),
            finished.sentCount(),
            finished.errorCount()));
  }
}
