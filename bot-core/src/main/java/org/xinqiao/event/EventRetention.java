package org.xinqiao.event;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinqiao.people.People;

/**
 * What happens to sign-ups and attendance over time: deleted with the person on "删除我的数据" (in the
 * same transaction; a seat they held goes to the waitlist), and deleted for everyone {@code
 * xinqiao.event.retention} after their event ended (two school years by default, so last year's
 * training ledger can still be reported). The events themselves are the school's programme and
 * stay.
 */
@Component
class EventRetention {

  private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

  private final SignupRepository signups;
  private final EventRepository events;
  private final Signups seats;
  private final JdbcClient jdbc;
  private final EventProperties properties;
  private final Clock clock;

  EventRetention(
      SignupRepository signups,
      EventRepository events,
      Signups seats,
      JdbcClient jdbc,
      EventProperties properties,
      Clock clock) {
    this.signups = signups;
    this.events = events;
    this.seats = seats;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
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

  int purge() {
    Instant cutoff = clock.instant().minus(properties.retention());
    int deleted = signups.purgeEndedBefore(cutoff);
    log.info("event retention purge: {} sign-ups of events ended before {}", deleted, cutoff);
    return deleted;
  }
}
