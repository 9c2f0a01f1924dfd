package org.xinqiao.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/**
 * Who is paged at each step of an escalation: the on-call counselors one by one in rota order, then
 * the whole team, then round again, until someone acknowledges.
 */
@Component
class OnCallRota {

  private final EscalationProperties properties;
  private final People people;
  private final Clock clock;

  OnCallRota(EscalationProperties properties, People people, Clock clock) {
    this.properties = properties;
    this.people = people;
    this.clock = clock;
  }

  /** Everyone who can be paged: the configured counselors, else every COUNSELOR person. */
  List<Counselor> team() {
    List<Person> enrolled = new ArrayList<>(people.withRole(Role.COUNSELOR));
    enrolled.addAll(people.withRole(Role.LEAD_COUNSELOR));
    if (!properties.counselors().isEmpty()) {
      return properties.counselors().stream()
          .map(
              c ->
                  new Counselor(
                      c.name(), c.name(), personId(c, enrolled), c.wecomUser(), c.email()))
          .toList();
    }
    return enrolled.stream()
        .map(
            p ->
                new Counselor(
                    p.pseudonym(),
                    p.displayName() == null ? p.pseudonym() : p.displayName(),
                    p.id(),
                    null,
                    null))
        .toList();
  }

  /**
   * A configured counselor's WeChat account: the given person id, else the counselor enrolled in
   * the chat under the same name ("邀请 心理老师 张老师").
   */
  private static Long personId(EscalationProperties.CounselorEntry c, List<Person> enrolled) {
    if (c.personId() != null) {
      return c.personId();
    }
    return enrolled.stream()
        .filter(p -> c.name().equals(p.displayName()))
        .map(Person::id)
        .findFirst()
        .orElse(null);
  }

  Optional<Counselor> find(String key) {
    return team().stream().filter(c -> c.key().equals(key)).findFirst();
  }

  /** The rota in force at {@code at}, in paging order. */
  List<Counselor> onCall(Instant at) {
    EscalationProperties.Rota rota = properties.rota();
    List<String> names = isWorkingHours(at) ? rota.workingHours() : rota.afterHours();
    List<Counselor> team = team();
    if (names.isEmpty()) {
      return team;
    }
    List<Counselor> ordered = new ArrayList<>();
    for (String name : names) {
      team.stream().filter(c -> c.key().equals(name)).findFirst().ifPresent(ordered::add);
    }
    return ordered.isEmpty() ? team : ordered;
  }

  /** Step k pages one person of the rota, or (every rota-length + 1 steps) the whole team. */
  Step step(int step, Instant raisedAt) {
    List<Counselor> order = onCall(raisedAt);
    int k = step % (order.size() + 1);
    return k < order.size() ? new Step(List.of(order.get(k)), false) : new Step(team(), true);
  }

  boolean isWorkingHours(Instant at) {
    EscalationProperties.Rota rota = properties.rota();
    ZonedDateTime local = at.atZone(clock.getZone());
    return rota.workingDays().contains(local.getDayOfWeek())
        && !local.toLocalTime().isBefore(rota.workingStart())
        && local.toLocalTime().isBefore(rota.workingEnd());
  }

  /** Who one step pages; a team step also goes to group channels. */
  record Step(List<Counselor> counselors, boolean wholeTeam) {}
}
