package org.xinqiao.appointment;

import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xinqiao.conversation.Texts;
import org.xinqiao.people.People;

/**
 * A counselor deletes their data (删除我的数据): their sessions still to come are cancelled and the
 * people who booked them are told, then every session of theirs is deleted with them (each one
 * names the counselor, so it cannot outlive them). Runs inside the deletion's transaction, before
 * the person row goes, so the deletion never fails on a foreign key.
 */
@Component
class CounselorDataDeleted {

  private static final Logger log = LoggerFactory.getLogger(CounselorDataDeleted.class);

  private final BookingRepository bookings;
  private final Notices notices;
  private final Texts texts;
  private final Clock clock;

  CounselorDataDeleted(BookingRepository bookings, Notices notices, Texts texts, Clock clock) {
    this.bookings = bookings;
    this.notices = notices;
    this.texts = texts;
    this.clock = clock;
  }

  @EventListener
  void on(People.PersonForgotten forgotten) {
    long counselorId = forgotten.personId();
    int cancelled = 0;
    for (Appointment a :
        bookings.ofCounselor(
            counselorId, clock.instant(), clock.instant().plusSeconds(366L * 86400))) {
      if (!a.live() || !bookings.finish(a.id(), "CANCELLED", null, clock.instant())) {
        continue;
      }
      bookings.release(a.id());
      notices.enqueue(
          a.bookerId(),
          new AppointmentNotice(
              "预约已取消",
              a.when(),
              a.place(),
              texts.format(
                  "appointment-cancelled-by-counselor",
                  Map.of("when", a.when(), "reason", texts.get("appointment-counselor-left")))));
      cancelled++;
    }
    int deleted = bookings.deleteOfCounselor(counselorId);
    if (deleted > 0) {
      log.info(
          "counselor p{} deleted their data: {} sessions cancelled, {} deleted",
          counselorId,
          cancelled,
          deleted);
    }
  }
}
