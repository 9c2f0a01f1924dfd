package org.xinqiao.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinqiao.conversation.Texts;
import org.xinqiao.people.Person;

/**
 * Booking, rescheduling and cancelling. Each change is one transaction that also writes the
 * occupancy rows (the database refuses a second session on held blocks or a day beyond its
 * maximum), the counselor's notice and the reminders, so they all happen or none does.
 */
@Service
@EnableConfigurationProperties(AppointmentProperties.class)
class Bookings {

  private static final Logger log = LoggerFactory.getLogger(Bookings.class);
  private static final int ATTEMPTS = 4;

  private final BookingRepository repository;
  private final ScheduleRepository schedule;
  private final Availability availability;
  private final Notices notices;
  private final Reminders reminders;
  private final Waitlist waitlist;
  private final Texts texts;
  private final AppointmentProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;

  Bookings(
      BookingRepository repository,
      ScheduleRepository schedule,
      Availability availability,
      Notices notices,
      Reminders reminders,
      Waitlist waitlist,
      Texts texts,
      AppointmentProperties properties,
      TransactionTemplate tx,
      Clock clock) {
    this.repository = repository;
    this.schedule = schedule;
    this.availability = availability;
    this.notices = notices;
    this.reminders = reminders;
    this.waitlist = waitlist;
    this.texts = texts;
    this.properties = properties;
    this.tx = tx;
    this.clock = clock;
  }

  /** Books a free slot; throws {@link BookingRefused} (TAKEN) when it is not free any more. */
  Appointment book(Person booker, Kind kind, Slot slot, String note) {
    if (!Kind.allowedFor(booker.role()).contains(kind)) {
      throw new BookingRefused(BookingRefused.Reason.NOT_ALLOWED);
    }
    Appointment booked =
        withRetries(
            booker,
            slot,
            () -> {
              Appointment a = insert(booker.id(), kind, slot, note);
              tellCounselor(a, "appointment-counselor-booked", booker);
              waitlist.booked(booker.id(), a.startsAt());
              return a;
            });
    log.info("appointment {} booked by {}", booked.id(), booker.pseudonym());
    return booked;
  }

  /** Moves a live appointment of the booker to another free slot, or leaves it as it was. */
  Appointment reschedule(Person booker, long appointmentId, Slot slot) {
    Appointment old = ownLive(booker, appointmentId);
    checkCutoff(old);
    Appointment moved =
        withRetries(
            booker,
            slot,
            () -> {
              if (!repository.finish(old.id(), "RESCHEDULED", null, clock.instant())) {
                throw new BookingRefused(BookingRefused.Reason.NOT_FOUND);
              }
              repository.release(old.id());
              Appointment a = insert(booker.id(), old.kind(), slot, old.note());
              tellCounselor(
                  a, "appointment-counselor-rescheduled", booker, Map.of("old", old.when()));
              waitlist.freed(old);
              return a;
            });
    log.info("appointment {} rescheduled to {} by {}", old.id(), moved.id(), booker.pseudonym());
    return moved;
  }

  /** The booker cancels, before the cut-off. */
  Appointment cancelByBooker(Person booker, long appointmentId) {
    Appointment a = ownLive(booker, appointmentId);
    checkCutoff(a);
    tx.executeWithoutResult(
        s -> {
          if (!repository.finish(a.id(), "CANCELLED", null, clock.instant())) {
            throw new BookingRefused(BookingRefused.Reason.NOT_FOUND);
          }
          repository.release(a.id());
          tellCounselor(a, "appointment-counselor-cancelled", booker);
          waitlist.freed(a);
        });
    log.info("appointment {} cancelled by {}", a.id(), booker.pseudonym());
    return a;
  }

  /** A counselor cancels one of their sessions; the reason is sent to the person who booked. */
  void cancelByCounselor(long counselorId, long appointmentId, String reason) {
    Appointment a = counselorsLive(counselorId, appointmentId);
    tx.executeWithoutResult(
        s -> {
          if (!repository.finish(a.id(), "CANCELLED", reason, clock.instant())) {
            throw new BookingRefused(BookingRefused.Reason.NOT_FOUND);
          }
          repository.release(a.id());
          notices.enqueue(
              a.bookerId(),
              new AppointmentNotice(
                  "预约已取消",
                  a.when(),
                  a.place(),
                  texts.format(
                      "appointment-cancelled-by-counselor",
                      Map.of("when", a.when(), "reason", reason))));
          waitlist.freed(a);
        });
    log.info("appointment {} cancelled by counselor p{}", a.id(), counselorId);
  }

  /** A counselor marks a session attended or missed. */
  void mark(long counselorId, long appointmentId, String status) {
    if (!Set.of("ATTENDED", "NO_SHOW").contains(status)) {
      throw new IllegalArgumentException("status");
    }
    Appointment a = counselorsLive(counselorId, appointmentId);
    // the occupancy stays: the time was used (or held) either way
    repository.mark(a.id(), status, clock.instant());
  }

  List<Appointment> upcoming(Person booker) {
    return repository.upcomingOf(booker.id(), clock.instant().minus(Duration.ofHours(1)));
  }

  private Appointment withRetries(
      Person booker, Slot slot, java.util.function.Supplier<Appointment> change) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (!availability.isFree(booker.id(), slot)) {
        throw new BookingRefused(BookingRefused.Reason.TAKEN);
      }
      try {
        return tx.execute(s -> change.get());
      } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
        // another booking took a block or the day's seat first: look again
        log.debug("booking attempt {} lost a race", attempt);
      }
    }
    throw new BookingRefused(BookingRefused.Reason.TAKEN);
  }

  private Appointment insert(long bookerId, Kind kind, Slot slot, String note) {
    Counselor c =
        schedule
            .counselor(slot.counselorId())
            .orElseThrow(() -> new BookingRefused(BookingRefused.Reason.TAKEN));
    long id =
        repository.insert(c.personId(), bookerId, kind, slot, c.place(), note, clock.instant());
    repository.occupy(
        c.personId(),
        id,
        BookingRepository.blocks(slot.start(), slot.end().plusSeconds(60L * c.bufferMinutes())));
    Set<Integer> taken = repository.seatsTaken(c.personId(), slot.day());
    int seat = 1;
    while (taken.contains(seat)) {
      seat++;
    }
    if (seat > c.dailyMax()) {
      throw new BookingRefused(BookingRefused.Reason.TAKEN);
    }
    repository.takeSeat(c.personId(), slot.day(), seat, id);
    Appointment a = repository.find(id).orElseThrow();
    reminders.schedule(a);
    return a;
  }

  private void tellCounselor(Appointment a, String text, Person booker) {
    tellCounselor(a, text, booker, Map.of());
  }

  private void tellCounselor(Appointment a, String text, Person booker, Map<String, String> more) {
    Map<String, Object> values = new java.util.HashMap<>(more);
    values.put("kind", a.kind().label());
    values.put("when", a.when());
    values.put("place", a.place());
    values.put("who", who(booker));
    values.put("id", a.id());
    String purpose =
        switch (text) {
          case "appointment-counselor-cancelled" -> "预约已取消";
          case "appointment-counselor-rescheduled" -> "预约已改期";
          default -> "新的预约";
        };
    notices.enqueue(
        a.counselorId(),
        new AppointmentNotice(purpose, a.when(), a.place(), texts.format(text, values)));
  }

  /** How counselors see who booked: staff by name, parents by a stable number. */
  static String who(Person booker) {
    return booker.displayName() != null && booker.role().isStaff()
        ? booker.displayName() + "（" + booker.role().label() + "）"
        : "家长（编号 " + booker.pseudonym() + "）";
  }

  private Appointment ownLive(Person booker, long id) {
    return repository
        .find(id)
        .filter(a -> a.bookerId() == booker.id() && a.live())
        .orElseThrow(() -> new BookingRefused(BookingRefused.Reason.NOT_FOUND));
  }

  private Appointment counselorsLive(long counselorId, long id) {
    return repository
        .find(id)
        .filter(a -> a.counselorId() == counselorId && a.live())
        .orElseThrow(() -> new BookingRefused(BookingRefused.Reason.NOT_FOUND));
  }

  private void checkCutoff(Appointment a) {
    if (clock.instant().plus(properties.cancelCutoff()).isAfter(a.startsAt())) {
      throw new BookingRefused(BookingRefused.Reason.TOO_LATE);
    }
  }

  Instant now() {
    return clock.instant();
  }
}
