package org.xinqiao.escalation;

import org.springframework.stereotype.Component;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;

/** {@link StaffPager} over the escalation pagers; group channels are skipped (not one person). */
@Component
class DirectPager implements StaffPager {

  private final People people;
  private final OnCallRota rota;
  private final PagerConfiguration.Pagers pagers;

  DirectPager(People people, OnCallRota rota, PagerConfiguration.Pagers pagers) {
    this.people = people;
    this.rota = rota;
    this.pagers = pagers;
  }

  @Override
  public void page(long personId, String text) throws Exception {
    Person person =
        people
            .find(personId)
            .orElseThrow(() -> new IllegalStateException("no person p" + personId));
    if (!person.role().mayBePaged()) {
      throw new IllegalStateException("refusing to page " + person + ": not counseling staff");
    }
    // a configured counselor entry adds their WeCom user and e-mail address
    Counselor to =
        rota.team().stream()
            .filter(c -> Long.valueOf(personId).equals(c.personId()))
            .findFirst()
            .orElse(new Counselor(person.pseudonym(), person.pseudonym(), personId, null, null));
    Exception last = null;
    for (Pager pager : pagers.all()) {
      if (pager.group() || !pager.reaches(to)) {
        continue;
      }
      try {
        pager.send(to, text);
        return;
      } catch (Exception failed) {
        last = failed;
      }
    }
    throw last != null ? last : new IllegalStateException("no page channel reaches p" + personId);
  }
}
