package org.xinqiao.conversation;

import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.xinqiao.people.Person;
import org.xinqiao.store.SharedState;

/** Which dialog a person is in, and its state, kept in the shared store with a TTL. */
@Component
public class ActiveDialogs {

  /** A person who walks away mid-dialog comes back to a fresh start after this long. */
  static final Duration TTL = Duration.ofMinutes(30);

  /** The dialog a person is in: its handler's name and the handler's own state string. */
  public record Active(String name, String state) {}

  private final SharedState state;

  ActiveDialogs(SharedState state) {
    this.state = state;
  }

  public void start(Person person, String dialog, String dialogState) {
    state.put(key(person), dialog + "\n" + dialogState, TTL);
  }

  public Optional<Active> current(Person person) {
    return state
        .get(key(person))
        .map(
            v -> {
              int nl = v.indexOf('\n');
              return nl < 0
                  ? new Active(v, "")
                  : new Active(v.substring(0, nl), v.substring(nl + 1));
            });
  }

  public void end(Person person) {
    state.delete(key(person));
  }

  private static String key(Person person) {
    return "dialog:" + person.id();
  }
}
