package org.xinqiao.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What passed through the simulator, newest last, bounded so a long-running demo cannot fill the
 * heap: every fake-API call and callback (for the IT person's log panel) and every message the bot
 * sent to a person (for the chat bubbles). Memory only; nothing here is logged.
 */
final class ApiJournal {

  /** One API call or callback delivery; detail is the request, shortened. */
  record ApiCall(long seq, Instant at, String api, String openid, int errcode, String detail) {}

  /**
   * One message a person received from the bot outside the passive reply; an article (mass send,
   * preview) has a title, a summary as text, its link and a cover image URL.
   */
  record BotMessage(
      long seq,
      Instant at,
      String openid,
      String kind,
      String title,
      String text,
      String url,
      String cover) {}

  private static final int DETAIL_LIMIT = 2000;

  private final Clock clock;
  private final int capacity;
  private final Deque<ApiCall> calls = new ArrayDeque<>();
  private final Deque<BotMessage> messages = new ArrayDeque<>();
  private long seq;

  ApiJournal(Clock clock, int capacity) {
    this.clock = clock;
    this.capacity = capacity;
  }

  synchronized ApiCall call(String api, String openid, int errcode, String detail) {
    String shortDetail =
        detail == null || detail.length() <= DETAIL_LIMIT
            ? detail
            : detail.substring(0, DETAIL_LIMIT) + "…";
    ApiCall call = new ApiCall(++seq, clock.instant(), api, openid, errcode, shortDetail);
    add(calls, call);
    return call;
  }

  synchronized BotMessage message(
      String openid, String kind, String title, String text, String url) {
    return message(openid, kind, title, text, url, null);
  }

  synchronized BotMessage message(
      String openid, String kind, String title, String text, String url, String cover) {
    BotMessage message =
        new BotMessage(++seq, clock.instant(), openid, kind, title, text, url, cover);
    add(messages, message);
    return message;
  }

  synchronized List<ApiCall> callsSince(long since) {
    return calls.stream().filter(c -> c.seq() > since).toList();
  }

  synchronized List<BotMessage> messagesFor(String openid, long since) {
    return messages.stream().filter(m -> m.seq() > since && m.openid().equals(openid)).toList();
  }

  synchronized long lastSeq() {
    return seq;
  }

  private <T> void add(Deque<T> deque, T item) {
    deque.addLast(item);
    while (deque.size() > capacity) {
      deque.removeFirst();
    }
  }
}
