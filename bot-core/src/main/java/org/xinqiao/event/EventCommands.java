package org.xinqiao.event;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ChatCommand;
import org.xinqiao.conversation.Turn;

/** "活动", "报名N", "我的活动", "取消报名N". */
@Component
@Order(44)
class EventCommands implements ChatCommand {

  private static final Pattern SIGN_UP = Pattern.compile("^(取消)?报名\\s*(\\d{1,9})$");

  private final EventRepository events;
  private final SignupRepository signups;
  private final Signups seats;
  private final EventReplies replies;
  private final EventProperties properties;
  private final Clock clock;

  EventCommands(
      EventRepository events,
      SignupRepository signups,
      Signups seats,
      EventReplies replies,
      EventProperties properties,
      Clock clock) {
    this.events = events;
    this.signups = signups;
    this.seats = seats;
    this.replies = replies;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public boolean accepts(Turn turn) {
    return turn.says("活动", "近期活动", "报名", "活动报名", "我的活动", "我的报名", "取消报名")
        || numbered(turn).isPresent();
  }

  @Override
  public OutboundReply handle(Turn turn) {
    Instant now = clock.instant();
    if (turn.says("我的活动", "我的报名", "取消报名")) {
      return OutboundReply.text(replies.mine(signups.mine(turn.person().id(), now)));
    }
    Optional<Matcher> numbered = numbered(turn);
    if (numbered.isEmpty()) {
      List<Event> upcoming =
          events.upcoming(
              EventAudience.seenBy(turn.person().role()),
              now,
              now.plus(properties.listAhead()),
              properties.listSize());
      Map<Long, Integer> left = new HashMap<>();
      upcoming.forEach(e -> left.put(e.id(), e.capacity() - signups.holding(e.id())));
      return OutboundReply.text(replies.list(upcoming, left, now));
    }
    long id = Long.parseLong(numbered.get().group(2));
    return OutboundReply.text(
        numbered.get().group(1) == null ? signUp(turn, id) : cancel(turn, id));
  }

  private String signUp(Turn turn, long id) {
    Signups.Result r = seats.signUp(turn.person(), id);
    return switch (r.outcome()) {
      case NOT_FOUND -> replies.format("event-not-found", Map.of("n", id));
      case CONFIRMED -> replies.about("event-signed-up", r.event());
      case OFFER_TAKEN -> replies.about("event-offer-taken", r.event());
      case WAITLISTED -> replies.about("event-waitlisted", r.event(), pos(r));
      case ALREADY_CONFIRMED -> replies.about("event-already", r.event());
      case ALREADY_WAITING -> replies.about("event-already-waiting", r.event(), pos(r));
      case CLOSED -> replies.about("event-closed", r.event());
      case EVENT_CANCELLED -> replies.about("event-is-cancelled", r.event());
      case NOT_FOR_YOU -> replies.about("event-not-for-you", r.event());
    };
  }

  private static Map<String, Integer> pos(Signups.Result r) {
    return Map.of("position", r.position());
  }

  private String cancel(Turn turn, long id) {
    Optional<Event> e = events.find(id);
    if (e.isEmpty()) {
      return replies.format("event-not-found", Map.of("n", id));
    }
    return switch (seats.cancel(turn.person(), id)) {
      case DONE -> replies.about("event-signup-cancelled", e.get());
      case NOT_SIGNED_UP -> replies.about("event-signup-none", e.get());
      case STARTED -> replies.about("event-started", e.get());
      case NOT_FOUND -> replies.format("event-not-found", Map.of("n", id));
    };
  }

  private static Optional<Matcher> numbered(Turn turn) {
    Matcher m = SIGN_UP.matcher(halfWidthDigits(turn.text()).replaceAll("[\\s。.!！]+$", ""));
    return m.matches() ? Optional.of(m) : Optional.empty();
  }

  static String halfWidthDigits(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c);
    }
    return b.toString();
  }
}
