package org.xinqiao.appointment;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinqiao.conversation.Texts;

/**
 * The waitlist for full days: first come first served. A freed slot is held for the first person
 * waiting for that day for {@code xinqiao.appointment.waitlist-hold}; when they do not take it, a
 * durable task passes it to the next one.
 */
@Service
class Waitlist {

  private final WaitlistRepository repository;
  private final ScheduleRepository schedule;
  private final Notices notices;
  private final Texts texts;
  private final AppointmentProperties properties;
  private final ObjectProvider<SchedulerClient> scheduler;
  private final TransactionTemplate tx;
  private final Clock clock;

  Waitlist(
      WaitlistRepository repository,
      ScheduleRepository schedule,
      Notices notices,
      Texts texts,
      AppointmentProperties properties,
      ObjectProvider<SchedulerClient> scheduler,
      TransactionTemplate tx,
      Clock clock) {
    this.repository = repository;
    this.schedule = schedule;
    this.notices = notices;
    this.texts = texts;
    this.properties = properties;
    this.scheduler = scheduler;
    this.tx = tx;
    this.clock = clock;
  }

  long join(long personId, Kind kind, LocalDate day) {
    return repository.join(personId, kind, day, clock.instant());
  }

  /** Called in the booking transaction: the person's waiting for that day is over. */
  void booked(long personId, Instant start) {
    repository.booked(personId, start.atZone(SchoolTime.ZONE).toLocalDate());
  }

  /** Called in the transaction that freed a session's time: offer it to the first in line. */
  void freed(Appointment a) {
    Instant now = clock.instant();
    if (a.startsAt().isBefore(now.plus(properties.minNotice()))) {
      return; // too close to be booked anyway
    }
    offerToNext(new Slot(a.counselorId(), a.startsAt(), a.endsAt()));
  }

  /** The task at the end of an offer: if it was not taken, the next person gets it. */
  void expire(long entryId) {
    tx.executeWithoutResult(
        s ->
            repository
                .find(entryId)
                .filter(e -> repository.move(e.id(), "OFFERED", "EXPIRED"))
                .ifPresent(
                    e -> {
                      if (e.offered()
                          .start()
                          .isAfter(clock.instant().plus(properties.minNotice()))) {
                        offerToNext(e.offered());
                      }
                    }));
  }

  private void offerToNext(Slot slot) {
    Optional<WaitlistRepository.Entry> next = repository.firstWaiting(slot.day());
    if (next.isEmpty()) {
      return;
    }
    Instant expires = clock.instant().plus(properties.waitlistHold());
    if (!repository.offer(next.get().id(), slot, expires)) {
      return;
    }
    Counselor c = schedule.counselor(slot.counselorId()).orElse(null);
    Instant end =
        slot.end() != null
            ? slot.end()
            : slot.start().plusSeconds(60L * (c == null ? 45 : c.sessionMinutes()));
    String when = SchoolTime.span(slot.start(), end);
    String place = c == null ? properties.place() : c.place();
    notices.enqueue(
        next.get().personId(),
        new AppointmentNotice(
            "候补有空位",
            when,
            place,
            texts.format(
                "appointment-waitlist-offer",
                Map.of(
                    "when",
                    when,
                    "until",
                    SchoolTime.day(expires.atZone(SchoolTime.ZONE).toLocalDate())
                        + " "
                        + DateTimeFormatter.ofPattern("HH:mm")
                            .format(expires.atZone(SchoolTime.ZONE))))));
    SchedulerClient client = scheduler.getIfAvailable();
    if (client != null) {
      client.scheduleIfNotExists(
          NoticeTasks.OFFER_EXPIRY.instance("w" + next.get().id()).data(next.get().id()).build(),
          expires);
    }
  }
}
