package org.xinqiao.people;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xinqiao.store.SharedState;

/**
 * Limits guessing of staff codes with "绑定 N", across instances. A guess cannot say which code it is
 * aimed at, so it counts against the sender (five wrong tries an hour) and against everyone
 * together (fifty an hour), which keeps the chance of hitting one of the few live 8-digit codes
 * within their 72 hours negligible; past either limit even a right code waits for the window.
 */
@Component
class InviteGuesses {

  static final int MAX_PER_PERSON = 5;
  static final int MAX_FOR_EVERYONE = 50;
  static final Duration WINDOW = Duration.ofHours(1);
  private static final String EVERYONE = "staff-invite:fail:all";
  private static final Logger log = LoggerFactory.getLogger(InviteGuesses.class);

  private final SharedState state;

  InviteGuesses(SharedState state) {
    this.state = state;
  }

  boolean allowed(long personId) {
    return count(personKey(personId)) < MAX_PER_PERSON && count(EVERYONE) < MAX_FOR_EVERYONE;
  }

  void failed(long personId) {
    if (state.increment(personKey(personId), WINDOW) == MAX_PER_PERSON) {
      log.warn("staff codes refused for p{} for {} after wrong guesses", personId, WINDOW);
    }
    if (state.increment(EVERYONE, WINDOW) == MAX_FOR_EVERYONE) {
      log.warn("staff codes refused for everyone for {}: too many wrong guesses", WINDOW);
    }
  }

  private long count(String key) {
    return state.get(key).map(Long::parseLong).orElse(0L);
  }

  private static String personKey(long personId) {
    return "staff-invite:fail:person:" + personId;
  }
}
