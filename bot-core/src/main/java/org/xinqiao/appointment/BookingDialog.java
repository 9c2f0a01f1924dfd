package org.xinqiao.appointment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ActiveDialogs;
import org.xinqiao.conversation.ChatCommand;
import org.xinqiao.conversation.DialogHandler;
import org.xinqiao.conversation.Texts;
import org.xinqiao.conversation.Turn;
import org.xinqiao.people.Person;

/**
 * Booking in the chat: "预约" (or the BOOK menu button) -> what kind (only those the role allows) ->
 * for a referral, a note about the pupil -> numbered free times grouped by day (free text such as
 * "下周二下午" narrows them) -> confirmation -> booked. "我的预约" lists bookings, with cancel and
 * reschedule. Every wrong or stale answer gets a clear reply and a fresh list.
 */
@Component
@Order(40)
class BookingDialog implements ChatCommand, DialogHandler {

  static final String MENU_KEY = "BOOK";

  private final ActiveDialogs dialogs;
  private final Availability availability;
  private final Bookings bookings;
  private final BookingReplies replies;
  private final Texts texts;

  BookingDialog(
      ActiveDialogs dialogs,
      Availability availability,
      Bookings bookings,
      BookingReplies replies,
      Texts texts) {
    this.dialogs = dialogs;
    this.availability = availability;
    this.bookings = bookings;
    this.replies = replies;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "booking";
  }

  @Override
  public boolean accepts(Turn turn) {
    return MENU_KEY.equals(turn.menuKey())
        || turn.says("预约", "预约咨询", "我要预约", "心理咨询预约", "预约心理老师", "家长咨询")
        || isMine(turn);
  }

  private static boolean isMine(Turn turn) {
    return turn.says("我的预约", "查看预约", "取消预约", "改约", "改期", "退约", "修改预约")
        || BookingReplies.namesABooking(turn.text());
  }

  @Override
  public OutboundReply handle(Turn turn) {
    Person person = turn.person();
    if (BookingReplies.namesABooking(turn.text())) {
      return reply(person, replies.manageDirectly(person, turn.text()));
    }
    if (isMine(turn)) {
      return reply(person, replies.mine(person));
    }
    List<Kind> kinds = Kind.allowedFor(person.role());
    if (kinds.isEmpty()) {
      return OutboundReply.text(texts.get("appointment-for-counselors"));
    }
    if (kinds.size() == 1) {
      return reply(person, start(person, BookingState.of(BookingState.Step.PICK, kinds.get(0))));
    }
    return reply(
        person,
        new Step(
            BookingState.of(BookingState.Step.KIND, null), texts.get("appointment-choose-kind")));
  }

  @Override
  public OutboundReply continueWith(Turn turn, String encoded) {
    Person person = turn.person();
    BookingState state;
    try {
      state = BookingState.decode(encoded);
    } catch (RuntimeException stale) {
      return handle(turn);
    }
    String text = turn.text();
    Step next =
        switch (state.step()) {
          case KIND -> chooseKind(person, state, text);
          case NOTE -> note(person, state, text);
          case PICK -> pick(person, state, turn, "");
          case CONFIRM -> confirm(person, state, turn);
          case MINE -> replies.manage(person, state, text);
        };
    return reply(person, next);
  }

  private Step chooseKind(Person person, BookingState state, String text) {
    Kind kind =
        text.equals("1") || text.contains("自己") || text.contains("本人")
            ? Kind.SELF
            : text.equals("2") || text.contains("学生") || text.contains("转介") ? Kind.REFERRAL : null;
    if (kind == null || !Kind.allowedFor(person.role()).contains(kind)) {
      return new Step(state, texts.get("appointment-choose-kind-again"));
    }
    return start(person, BookingState.of(BookingState.Step.PICK, kind));
  }

  /** The first step after the kind: a referral's note, or the list. */
  Step start(Person person, BookingState state) {
    if (state.kind() == Kind.REFERRAL && state.note() == null && state.reschedule() == 0) {
      return new Step(state.with(BookingState.Step.NOTE), texts.get("appointment-referral-note"));
    }
    return replies.list(person, state.with(BookingState.Step.PICK), null, "");
  }

  private Step note(Person person, BookingState state, String text) {
    if (text.strip().length() < 2) {
      return new Step(state, texts.get("appointment-referral-note"));
    }
    String note = text.strip();
    return start(person, state.withNote(note.length() > 500 ? note.substring(0, 500) : note));
  }

  private Step pick(Person person, BookingState state, Turn turn, String prefix) {
    String text = turn.text();
    if (text.matches("\\d{1,3}")) {
      int n = Integer.parseInt(text);
      if (n < 1 || n > state.refs().size()) {
        return replies.list(
            person, state, null, texts.format("appointment-no-such-choice", Map.of("n", n)));
      }
      Optional<Slot> slot = availability.resolve(person.id(), state.refs().get(n - 1));
      if (slot.isEmpty()) {
        return replies.list(person, state, null, texts.get("appointment-taken"));
      }
      return replies.confirmation(state, slot.get(), n);
    }
    if (state.waitDay() != null && turn.says("候补", "排队", "等空位", "有空位通知我", "通知我")) {
      return replies.waitlist(person, state);
    }
    LocalDate today = bookings.now().atZone(SchoolTime.ZONE).toLocalDate();
    Optional<DayPhrase> phrase = DayPhrase.parse(text, today);
    if (phrase.isPresent() && phrase.get().from() != null && phrase.get().pastFor(today)) {
      return replies.list(person, state, null, texts.get("appointment-past-date"));
    }
    if (phrase.isPresent()) {
      return replies.list(person, state, phrase.get(), prefix);
    }
    return replies.list(person, state, null, texts.get("appointment-not-understood"));
  }

  private Step confirm(Person person, BookingState state, Turn turn) {
    String text = turn.text();
    boolean yes =
        turn.says("确认", "确定", "好", "好的", "是", "对", "可以", "ok", "嗯") || text.startsWith("确认");
    BookingState listed =
        state.withRefs(state.refs().subList(1, state.refs().size()), state.waitDay());
    if (!yes) {
      return pick(person, listed.with(BookingState.Step.PICK), turn, "");
    }
    String chosen = state.refs().get(0);
    Optional<Slot> slot = availability.resolve(person.id(), chosen);
    if (slot.isEmpty()) {
      return replies.list(
          person, listed.with(BookingState.Step.PICK), null, texts.get("appointment-taken"));
    }
    String extra = text.startsWith("确认") ? text.substring(2).replaceFirst("^[\\s,，:：]+", "") : "";
    String note = state.note();
    if (!extra.isBlank()) {
      note =
          (note == null ? "" : note + "\n")
              + (extra.length() > 500 ? extra.substring(0, 500) : extra);
    }
    try {
      Appointment a =
          state.reschedule() > 0
              ? bookings.reschedule(person, state.reschedule(), slot.get())
              : bookings.book(person, state.kind(), slot.get(), note);
      return replies.booked(a, state.reschedule() > 0);
    } catch (BookingRefused refused) {
      return replies.refused(person, listed.with(BookingState.Step.PICK), refused);
    }
  }

  private OutboundReply reply(Person person, Step step) {
    if (step.state() == null) {
      dialogs.end(person);
    } else {
      dialogs.start(person, name(), step.state().encode());
    }
    return OutboundReply.text(step.text());
  }

  /** A reply and the state to keep (null ends the dialog). */
  record Step(BookingState state, String text) {}
}
