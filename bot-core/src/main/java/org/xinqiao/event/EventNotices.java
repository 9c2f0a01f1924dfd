package org.xinqiao.event;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.xinqiao.appointment.AppointmentNotice;
import org.xinqiao.appointment.NoticeOutbox;
import org.xinqiao.conversation.Texts;

/**
 * Messages to people about their sign-ups, through the appointment feature's notice outbox (stored
 * in the caller's transaction, delivered by a durable task within WeChat's rules).
 */
@Component
class EventNotices {

  private final NoticeOutbox outbox;
  private final Texts texts;

  EventNotices(NoticeOutbox outbox, Texts texts) {
    this.outbox = outbox;
    this.texts = texts;
  }

  void remind(long personId, Event e, boolean dayBefore) {
    send(personId, e, "活动提醒", dayBefore ? "event-reminder-day" : "event-reminder-hour", Map.of());
  }

  void cancelled(long personId, Event e) {
    send(personId, e, "活动已取消", "event-cancelled-notice", Map.of());
  }

  void changed(long personId, Event e) {
    send(personId, e, "活动有变动", "event-changed-notice", Map.of());
  }

  void seatOffered(long personId, Event e, java.time.Instant until) {
    send(personId, e, "候补有空位", "event-seat-offered", Map.of("until", EventTime.at(until)));
  }

  private void send(long personId, Event e, String purpose, String text, Map<String, ?> extra) {
    Map<String, Object> values = new java.util.HashMap<>(extra);
    values.put("title", EventReplies.quoted(e));
    values.put("when", e.when());
    values.put("place", e.place());
    values.put("n", e.id());
    outbox.enqueue(
        personId,
        new AppointmentNotice(
            purpose, e.when(), cut(e.place(), 100), cut(texts.format(text, values), 1000)));
  }

  /** The outbox keeps places to 100 characters and bodies to 1000. */
  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
