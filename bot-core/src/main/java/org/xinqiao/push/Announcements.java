package org.xinqiao.push;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.xinqiao.push.PushRun.Kind;
import org.xinqiao.push.PushRun.Status;

/**
 * One-off announcement cards (an event, say) mass-sent to an audience's tag. Each is a push run
 * like the weekly article, so it counts against the same monthly mass-send limit and is refused
 * when the month's sends are used up; the card's content is stored beside the run so a retry sends
 * the same draft with the same clientmsgid.
 */
@Service
public class Announcements {

  private static final Logger log = LoggerFactory.getLogger(Announcements.class);

  /**
   * What to send.
   *
   * @param key names the subject in the push history, e.g. {@code event-12}
   * @param title headline (at most 64 characters)
   * @param digest the line WeChat shows under the title (at most 120)
   * @param html the body
   */
  public record Card(String key, String title, String digest, String html) {}

  public enum Outcome {
    SENT,
    QUEUED,
    CAPPED
  }

  private final WeeklyPush push;
  private final PushRuns runs;
  private final PushDelivery delivery;
  private final AnnouncementCards cards;
  private final Clock clock;

  Announcements(
      WeeklyPush push, PushRuns runs, PushDelivery delivery, AnnouncementCards cards, Clock clock) {
    this.push = push;
    this.runs = runs;
    this.delivery = delivery;
    this.cards = cards;
    this.clock = clock;
  }

  /** Mass-sends the card to the audience now, unless this month's limit is reached. */
  public Outcome announce(Audience audience, Card card, long adminId) {
    Instant now = clock.instant();
    if (push.monthlyCapReached(audience, now)) {
      return Outcome.CAPPED;
    }
    String key = "announce-" + UUID.randomUUID();
    PushRun run =
        runs.claim(
                key,
                Kind.ANNOUNCEMENT,
                null,
                audience,
                AnnouncementCards.cut(card.key(), 64),
                Status.CLAIMED,
                adminId,
                now)
            .orElseThrow();
    cards.save(run.id(), card);
    log.info("announcement run {} ({}) by p{}", run.id(), card.key(), adminId);
    return delivery.deliver(run.id()) ? Outcome.SENT : Outcome.QUEUED;
  }
}
