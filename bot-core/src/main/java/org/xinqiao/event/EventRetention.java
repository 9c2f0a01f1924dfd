package org.xinqiao.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinqiao.people.People;
import org.xinqiao.store.RetentionRule;

/**
 * What happens to sign-ups and attendance over time: deleted with the person on "删除我的数据" (in the
 * same transaction; a seat they held goes to the waitlist), and deleted for everyone {@code
 * xinqiao.event.retention} after their event ended (two school years by default, so last year's
 * training ledger can still be reported) by the nightly retention purge ({@link
 * org.xinqiao.store.RetentionPurges}), which writes the count to {@code purge_log}. The events
 * themselves are the school's programme and stay.
 */
@Component
class EventRetention implements RetentionRule {

  private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

  private final SignupRepository signups;
  private final EventRepository events;
  private final Signups seats;
  private final JdbcClient jdbc;
  private final EventProperties properties;

  EventRetention(
      SignupRepository signups,
      EventRepository events,
      Signups seats,
      JdbcClient jdbc,
      EventProperties properties) {
    this.signups = signups;
    this.events = events;
    this.seats = seats;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @EventListener
  void on(People.PersonForgotten forgotten) {
    long personId = forgotten.personId();
    List<Long> heldSeats =
        jdbc.sql(
                "select event_id from event_signup where person_id = ? and status in"
                    + " ('CONFIRMED', 'OFFERED')")
            .param(personId)
            .query(Long.class)
            .list();
    int deleted = signups.deleteOf(personId);
    events.forgetCreator(personId);
    for (long eventId : heldSeats) {
      events.lock(eventId).ifPresent(seats::offerFreedSeats);
    }
    log.info("p{} forgotten: {} event sign-ups deleted", personId, deleted);
  }

  @Override
  public String table() {
    return "event_signup";
  }

  /** Counted from the end of the sign-up's event, not from the sign-up. */
  @Override
  public Duration period() {
    return properties.retention();
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    return signups.purgeEndedBefore(cutoff);
  }
}
