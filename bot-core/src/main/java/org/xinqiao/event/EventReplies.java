package org.xinqiao.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.xinqiao.conversation.Texts;

/**
 * The chat texts of events. An event is always named by its number (its id): the same number works
 * in every list, reminder and instance, so "报名12" never depends on which list someone saw last.
 */
@Component
class EventReplies {

  private final Texts texts;

  EventReplies(Texts texts) {
    this.texts = texts;
  }

  static String quoted(Event e) {
    return "《" + e.title() + "》";
  }

  String list(List<Event> events, Map<Long, Integer> seatsLeft, java.time.Instant now) {
    if (events.isEmpty()) {
      return texts.get("event-list-empty");
    }
    String list =
        events.stream()
            .map(
                e ->
                    e.id()
                        + ". "
                        + e.title()
                        + "（"
                        + e.kind().label()
                        + "）\n   "
                        + e.when()
                        + "\n   "
                        + e.place()
                        + "\n   "
                        + seats(e, seatsLeft.getOrDefault(e.id(), 0), now))
            .collect(Collectors.joining("\n"));
    return texts.format("event-list", Map.of("list", list, "first", events.get(0).id()));
  }

  private static String seats(Event e, int left, java.time.Instant now) {
    if (!e.signupOpen(now)) {
      return "报名已截止";
    }
    return left > 0 ? "还剩 " + left + " 个名额" : "已报满，可以候补";
  }

  String mine(List<SignupRepository.Mine> mine) {
    if (mine.isEmpty()) {
      return texts.get("event-mine-empty");
    }
    String list =
        mine.stream()
            .map(
                m ->
                    m.event().id()
                        + ". "
                        + m.event().title()
                        + "（"
                        + status(m.signup())
                        + "）\n   "
                        + m.event().when()
                        + "\n   "
                        + m.event().place())
            .collect(Collectors.joining("\n"));
    return texts.format("event-mine", Map.of("list", list, "first", mine.get(0).event().id()));
  }

  private static String status(Signup s) {
    return switch (s.status()) {
      case CONFIRMED -> "已报名";
      case OFFERED -> "有空位，等你确认";
      default -> "候补中";
    };
  }

  String about(String text, Event e) {
    return about(text, e, Map.of());
  }

  String about(String text, Event e, Map<String, ?> extra) {
    Map<String, Object> values = new HashMap<>(extra);
    values.put("title", quoted(e));
    values.put("when", e.when());
    values.put("place", e.place());
    values.put("n", e.id());
    values.put("audience", e.audience().label());
    values.put("day", EventTime.day(EventTime.day(e.startsAt())));
    return texts.format(text, values);
  }

  String get(String text) {
    return texts.get(text);
  }

  String format(String text, Map<String, ?> values) {
    return texts.format(text, values);
  }
}
