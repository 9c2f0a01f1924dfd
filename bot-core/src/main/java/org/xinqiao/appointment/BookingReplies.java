package org.xinqiao.appointment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.xinqiao.appointment.BookingDialog.Step;
import org.xinqiao.conversation.Texts;
import org.xinqiao.people.Person;

/** The booking dialog's replies: lists, confirmations, "我的预约" and what went wrong. */
@Component
class BookingReplies {

  private static final Pattern MANAGE = Pattern.compile("^(取消|退约|改约|改期|改时间)\\s*第?(\\d{1,2})个?$");

  private final Availability availability;
  private final Bookings bookings;
  private final Waitlist waitlist;
  private final SlotList slotList;
  private final ScheduleRepository schedule;
  private final AppointmentProperties properties;
  private final Texts texts;

  BookingReplies(
      Availability availability,
      Bookings bookings,
      Waitlist waitlist,
      SlotList slotList,
      ScheduleRepository schedule,
      AppointmentProperties properties,
      Texts texts) {
    this.availability = availability;
    this.bookings = bookings;
    this.waitlist = waitlist;
    this.slotList = slotList;
    this.schedule = schedule;
    this.properties = properties;
    this.texts = texts;
  }

  /** A fresh list of free times, narrowed by the phrase when it matches any. */
  Step list(Person person, BookingState state, DayPhrase phrase, String prefix) {
    List<Slot> free = availability.free(person.id());
    if (free.isEmpty()) {
      // "all booked" would be untrue when no counselor has published any hours yet
      String why = schedule.anyHoursPublished() ? "appointment-none" : "appointment-no-hours";
      return new Step(null, prefix + texts.get(why));
    }
    List<Slot> matching = slotList.matching(free, phrase);
    LocalDate waitDay = null;
    String lead = prefix;
    if (phrase != null && matching.isEmpty()) {
      boolean oneDay = phrase.from() != null && phrase.from().equals(phrase.to());
      if (oneDay
          && availability.dayState(person.id(), phrase.from()) == Availability.DayState.FULL) {
        waitDay = phrase.from();
        lead += texts.format("appointment-day-full", Map.of("day", SchoolTime.day(waitDay)));
      } else {
        lead += texts.get("appointment-nothing-then");
      }
      matching = free;
      phrase = null;
    }
    boolean oneDay = phrase != null && phrase.from() != null && phrase.from().equals(phrase.to());
    List<Slot> chosen = slotList.choose(matching, oneDay);
    BookingState next =
        state
            .with(BookingState.Step.PICK)
            .withRefs(chosen.stream().map(Slot::ref).toList(), waitDay);
    String body =
        texts.format(
            "appointment-slots",
            Map.of("kind", state.kind().label(), "slots", slotList.render(chosen)));
    return new Step(next, lead.isEmpty() ? body : lead + "\n\n" + body);
  }

  Step confirmation(BookingState state, Slot slot, int n) {
    Counselor c = schedule.counselor(slot.counselorId()).orElseThrow();
    List<String> refs = new ArrayList<>();
    refs.add(slot.ref());
    refs.addAll(state.refs());
    return new Step(
        state.with(BookingState.Step.CONFIRM).withRefs(refs, state.waitDay()),
        texts.format(
            state.reschedule() > 0 ? "appointment-confirm-move" : "appointment-confirm",
            Map.of(
                "kind",
                state.kind().label(),
                "when",
                SchoolTime.span(slot.start(), slot.end()),
                "place",
                c.place(),
                "counselor",
                c.name())));
  }

  Step booked(Appointment a, boolean moved) {
    String counselor = schedule.counselor(a.counselorId()).map(Counselor::name).orElse("心理老师");
    String text =
        texts.format(
            moved ? "appointment-moved" : "appointment-booked",
            Map.of(
                "kind", a.kind().label(),
                "when", a.when(),
                "place", a.place(),
                "counselor", counselor,
                "cutoff", properties.cancelCutoff().toHours()));
    if (a.kind() == Kind.SELF) {
      text += "\n\n" + texts.get("appointment-confidential");
    }
    return new Step(null, text);
  }

  Step refused(Person person, BookingState state, BookingRefused refused) {
    return switch (refused.reason()) {
      case TAKEN -> list(person, state, null, texts.get("appointment-taken"));
      case TOO_LATE ->
          new Step(
              null,
              texts.format(
                  "appointment-too-late", Map.of("cutoff", properties.cancelCutoff().toHours())));
      case NOT_FOUND, NOT_ALLOWED -> new Step(null, texts.get("appointment-not-found"));
    };
  }

  Step waitlist(Person person, BookingState state) {
    waitlist.join(person.id(), state.kind(), state.waitDay());
    return new Step(
        null,
        texts.format(
            "appointment-waitlisted",
            Map.of(
                "day",
                SchoolTime.day(state.waitDay()),
                "hold",
                properties.waitlistHold().toHours())));
  }

  /** "我的预约": the person's coming sessions, numbered for cancel and reschedule. */
  Step mine(Person person) {
    List<Appointment> upcoming = bookings.upcoming(person);
    if (upcoming.isEmpty()) {
      return new Step(null, texts.get("appointment-mine-empty"));
    }
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < upcoming.size(); i++) {
      Appointment a = upcoming.get(i);
      lines.append(i + 1).append(". ").append(a.when()).append(' ').append(a.kind().label());
      lines.append("，").append(a.place()).append('\n');
    }
    BookingState state =
        new BookingState(
            BookingState.Step.MINE,
            null,
            0,
            List.of(),
            upcoming.stream().map(Appointment::id).toList(),
            null,
            null);
    return new Step(
        state,
        texts.format(
            "appointment-mine",
            Map.of(
                "list",
                lines.toString().stripTrailing(),
                "cutoff",
                properties.cancelCutoff().toHours())));
  }

  /** "退约1" / "改约1" typed without the list open: true for text that names a booking. */
  static boolean namesABooking(String text) {
    return MANAGE.matcher(text.replaceAll("\\s+", "")).matches();
  }

  /**
   * "退约1" / "改约1" outside the list: the numbers of "我的预约", so the same list is read again; with no
   * booking the plain answer that there is none (not the knowledge base).
   */
  Step manageDirectly(Person person, String text) {
    Step mine = mine(person);
    if (mine.state() == null) {
      return new Step(null, texts.get("appointment-no-booking"));
    }
    return manage(person, mine.state(), text);
  }

  /** In "我的预约": "取消1" / "退约1" cancels, "改约1" starts choosing a new time. */
  Step manage(Person person, BookingState state, String text) {
    Matcher m = MANAGE.matcher(text.replaceAll("\\s+", ""));
    if (!m.matches()) {
      return mineAgain(person, texts.get("appointment-mine-how"));
    }
    int n = Integer.parseInt(m.group(2));
    if (n < 1 || n > state.ids().size()) {
      return mineAgain(person, texts.format("appointment-no-such-choice", Map.of("n", n)));
    }
    long id = state.ids().get(n - 1);
    try {
      if (m.group(1).startsWith("改")) {
        Appointment a =
            bookings.upcoming(person).stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElseThrow(() -> new BookingRefused(BookingRefused.Reason.NOT_FOUND));
        if (bookings.now().plus(properties.cancelCutoff()).isAfter(a.startsAt())) {
          throw new BookingRefused(BookingRefused.Reason.TOO_LATE);
        }
        BookingState move =
            new BookingState(
                BookingState.Step.PICK, a.kind(), a.id(), List.of(), List.of(), null, a.note());
        return list(
            person, move, null, texts.format("appointment-move-from", Map.of("when", a.when())));
      }
      Appointment cancelled = bookings.cancelByBooker(person, id);
      return new Step(
          null, texts.format("appointment-cancelled", Map.of("when", cancelled.when())));
    } catch (BookingRefused refused) {
      return refused(person, state, refused);
    }
  }

  private Step mineAgain(Person person, String prefix) {
    Step mine = mine(person);
    return new Step(mine.state(), prefix + "\n\n" + mine.text());
  }
}
