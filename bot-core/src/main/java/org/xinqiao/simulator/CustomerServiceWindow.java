package org.xinqiao.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WeChat's customer-service sending rule (WECHAT.md): each message a person sends allows the
 * account 5 customer-service messages within 48 h; a menu click or follow allows 3 within 1 minute.
 * Beyond the allowance WeChat answers 45047; outside any window, or to someone who unfollowed,
 * 45015.
 */
final class CustomerServiceWindow {

  static final int OK = 0;
  static final int OUTSIDE_WINDOW = 45015;
  static final int QUOTA_USED = 45047;

  private static final Duration MESSAGE_WINDOW = Duration.ofHours(48);
  private static final int MESSAGE_ALLOWANCE = 5;
  private static final Duration EVENT_WINDOW = Duration.ofMinutes(1);
  private static final int EVENT_ALLOWANCE = 3;

  /** An allowance opened by one interaction; {@code used} counts what was spent from it. */
  private record Grant(Instant until, int allowance, int used) {
    boolean open(Instant now) {
      return now.isBefore(until);
    }

    boolean hasRoom() {
      return used < allowance;
    }

    Grant spend() {
      return new Grant(until, allowance, used + 1);
    }
  }

  private record Person(Grant afterMessage, Grant afterEvent) {}

  private final Clock clock;
  private final Map<String, Person> people = new ConcurrentHashMap<>();

  CustomerServiceWindow(Clock clock) {
    this.clock = clock;
  }

  /** The person typed a message: a new 48 h window with a fresh allowance of 5. */
  synchronized void personSentMessage(String openid) {
    Grant grant = new Grant(clock.instant().plus(MESSAGE_WINDOW), MESSAGE_ALLOWANCE, 0);
    people.compute(openid, (k, p) -> new Person(grant, p == null ? null : p.afterEvent()));
  }

  /** The person clicked a menu item or followed: 3 messages within a minute. */
  synchronized void personTriggeredEvent(String openid) {
    Grant grant = new Grant(clock.instant().plus(EVENT_WINDOW), EVENT_ALLOWANCE, 0);
    people.compute(openid, (k, p) -> new Person(p == null ? null : p.afterMessage(), grant));
  }

  /** The person unfollowed: nothing may reach them until they follow and write again. */
  synchronized void personLeft(String openid) {
    people.remove(openid);
  }

  /** Spends one message of the allowance; answers 0, or WeChat's errcode when refused. */
  synchronized int trySpend(String openid) {
    Instant now = clock.instant();
    Person person = people.get(openid);
    if (person == null) {
      return OUTSIDE_WINDOW;
    }
    Grant event = person.afterEvent();
    Grant message = person.afterMessage();
    if (event != null && event.open(now) && event.hasRoom()) {
      people.put(openid, new Person(message, event.spend()));
      return OK;
    }
    if (message != null && message.open(now) && message.hasRoom()) {
      people.put(openid, new Person(message.spend(), event));
      return OK;
    }
    boolean anyOpen = (event != null && event.open(now)) || (message != null && message.open(now));
    return anyOpen ? QUOTA_USED : OUTSIDE_WINDOW;
  }
}
