package org.xinqiao.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Two sample events for the embedded default, so that someone trying the simulator sees sign-ups
 * work: a parent workshop and a whole-staff training in the coming two weeks, created when absent.
 * Only the simulator calls this, and only when the bot talks to the simulator's fake account: a
 * real account never gets made-up events.
 */
@Service
public class DemoEvents {

  private static final Logger log = LoggerFactory.getLogger(DemoEvents.class);

  static final String WORKSHOP = "亲子沟通工作坊：听懂孩子的情绪";
  static final String TRAINING = "全员培训：学生心理危机的早期识别";

  private final Events events;
  private final EventRepository repository;
  private final Clock clock;

  DemoEvents(Events events, EventRepository repository, Clock clock) {
    this.events = events;
    this.repository = repository;
    this.clock = clock;
  }

  /** Creates each sample event unless one with its title is already in the coming two weeks. */
  public void ensure() {
    Instant now = clock.instant();
    LocalDate today = EventTime.day(now);
    ensure(
        now,
        new EventDraft(
            WORKSHOP,
            EventKind.WORKSHOP,
            EventAudience.PARENTS,
            at(weekday(today.plusDays(5)), 19, 0),
            at(weekday(today.plusDays(5)), 20, 30),
            "学校报告厅（综合楼一楼）",
            40,
            at(weekday(today.plusDays(5)).minusDays(1), 20, 0),
            false,
            false));
    ensure(
        now,
        new EventDraft(
            TRAINING,
            EventKind.TRAINING,
            EventAudience.TEACHERS,
            at(weekday(today.plusDays(8)), 15, 30),
            at(weekday(today.plusDays(8)), 17, 0),
            "学校会议室（综合楼201）",
            80,
            at(weekday(today.plusDays(8)), 12, 0),
            true,
            true));
  }

  private void ensure(Instant now, EventDraft draft) {
    if (!repository.existsTitledBetween(draft.title(), now, now.plus(Duration.ofDays(15)))) {
      Event e = events.create(draft, null);
      log.info("sample event {} created for the simulator", e.id());
    }
  }

  private static LocalDate weekday(LocalDate day) {
    return switch (day.getDayOfWeek()) {
      case SATURDAY -> day.plusDays(2);
      case SUNDAY -> day.plusDays(1);
      default -> day;
    };
  }

  private static Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(LocalTime.of(hour, minute)).atZone(EventTime.ZONE).toInstant();
  }
}
