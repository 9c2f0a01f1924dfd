package org.xinqiao.people;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinqiao.store.AuditLog;

/** Users, roles and consent: the one way other features learn who they are talking to. */
@Service
@EnableConfigurationProperties(PeopleProperties.class)
public class People {

  /** Bumped whenever the privacy notice changes, so everyone is asked again. */
  public static final int NOTICE_VERSION = 1;

  /**
   * SQL selecting the ids of people who withdrew their consent and did not give it again, for
   * features that pass them over in their own queries (waitlist offers).
   */
  public static final String WITHDREW_CONSENT =
      "select id from person where consented_at is null and consent_withdrawn_at is not null";

  private final PersonRepository persons;
  private final StaffInvites invites;
  private final InviteGuesses guesses;
  private final AuditLog audit;
  private final PeopleProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final List<SafeguardingHold> holds;

  People(
      PersonRepository persons,
      StaffInvites invites,
      InviteGuesses guesses,
      AuditLog audit,
      PeopleProperties properties,
      ApplicationEventPublisher events,
      Clock clock,
      List<SafeguardingHold> holds) {
    this.persons = persons;
    this.invites = invites;
    this.guesses = guesses;
    this.audit = audit;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
    this.holds = holds;
  }

  /** The person behind an inbound message, created as a parent on first contact. */
  @Transactional
  public Person contact(String channel, String openid) {
    Instant now = clock.instant();
    Person person = persons.insertIfAbsent(channel, openid, now);
    persons.touchInbound(person.id(), now);
    if (properties.adminOpenids().contains(openid) && person.role() != Role.ADMIN) {
      persons.setRole(person.id(), Role.ADMIN, "管理员", RoleSource.CONFIG);
      audit.append("config", "role-granted", "person", "" + person.id(), "ADMIN from config");
      person = persons.find(person.id()).orElseThrow();
    }
    return person;
  }

  public Optional<Person> find(long id) {
    return persons.find(id);
  }

  public Optional<Person> find(String channel, String openid) {
    return persons.find(channel, openid);
  }

  public List<Person> withRole(Role role) {
    return persons.withRole(role);
  }

  public void followed(Person person) {
    persons.setFollowing(person.id(), true);
    events.publishEvent(new Followed(person.id()));
  }

  public void unfollowed(Person person) {
    persons.setFollowing(person.id(), false);
    events.publishEvent(new Unfollowed(person.id()));
  }

  public void consent(Person person) {
    persons.clearKeptContact(person.id());
    if (persons.setConsent(person.id(), clock.instant(), NOTICE_VERSION)) {
      audit.append(person.pseudonym(), "consent-renewed", "person", "" + person.id(), null);
    }
    events.publishEvent(new Consented(person.id()));
  }

  /**
   * Withdraws the person's consent (撤回同意): they are back in the not-consented state, and nothing of
   * theirs is deleted (that is {@link #forget}). Safety screening and a counselor's hold go on
   * regardless, as they do before anyone consents.
   *
   * @return false when they had not consented
   */
  @Transactional
  public boolean withdrawConsent(Person person) {
    if (!persons.withdrawConsent(person.id(), clock.instant())) {
      return false;
    }
    // counted in the yearly data audit as a consent withdrawal
    audit.append(person.pseudonym(), "consent-withdrawn", "person", "" + person.id(), null);
    events.publishEvent(new ConsentWithdrawn(person.id()));
    return true;
  }

  /**
   * True while the person has withdrawn their consent and not given it again: reminders and offers
   * about what they booked before are not sent to them.
   */
  public boolean withdrewConsent(long personId) {
    return persons.withdrewConsent(personId);
  }

  /**
   * Gives an account a staff role without an invitation. Only for the simulator's fake personas
   * (the embedded default), so its counselor can be paged out of the box; real staff are always
   * enrolled by an admin's code.
   */
  @Transactional
  public Person seedStaff(String channel, String openid, Role role, String displayName) {
    Person person = persons.insertIfAbsent(channel, openid, clock.instant());
    if (person.role() != role) {
      persons.setRole(person.id(), role, displayName, RoleSource.SEED);
      events.publishEvent(new StaffEnrolled(person.id(), role));
    }
    return persons.find(person.id()).orElseThrow();
  }

  /** An admin creates a code that gives whoever sends it the role; returns the code. */
  @Transactional
  public String invite(Person admin, Role role, String displayName) {
    if (admin.role() != Role.ADMIN) {
      throw new IllegalStateException("only an admin can invite staff");
    }
    if (role == Role.PARENT) {
      throw new IllegalArgumentException("parents need no invitation");
    }
    String code = invites.create(admin.id(), role, displayName, properties.inviteValidity());
    audit.append(admin.pseudonym(), "staff-invited", "role", role.name(), null);
    return code;
  }

  /** False while this person (or everyone) has guessed wrong too often to try another code. */
  public boolean mayRedeem(Person person) {
    return guesses.allowed(person.id());
  }

  /**
   * Redeems a staff code; the person's new self, or empty when the code is not valid or the person
   * may not try now ({@link #mayRedeem}).
   */
  @Transactional
  public Optional<Person> redeem(Person person, String code) {
    if (!guesses.allowed(person.id())) {
      return Optional.empty();
    }
    Optional<StaffInvites.Redeemed> redeemed = invites.redeem(code.trim(), person.id());
    if (redeemed.isEmpty()) {
      guesses.failed(person.id());
    }
    redeemed.ifPresent(
        r -> {
          persons.setRole(person.id(), r.role(), r.displayName(), RoleSource.INVITE);
          audit.append(
              "p" + person.id(),
              "role-granted",
              "person",
              "" + person.id(),
              r.role() + " by invite");
          events.publishEvent(new StaffEnrolled(person.id(), r.role()));
        });
    return redeemed.flatMap(r -> persons.find(person.id()));
  }

  /**
   * Deletes the person's messages and profile. Safeguarding records (escalations) are kept by the
   * safety feature, as the privacy notice says: a school must keep what it needed to protect a
   * child. While such a case is open, only the contact (channel and openid) is kept so the
   * counselor can still reach them; it goes when the case closes ({@link #releaseKeptContact}).
   *
   * @return true when the contact was kept for an open case
   */
  @Transactional
  public boolean forget(Person person) {
    boolean keep = holds.stream().anyMatch(h -> h.keepsContact(person.id()));
    events.publishEvent(new PersonForgotten(person.id(), keep));
    // the delete cascades to everything of theirs; the kept contact is a fresh, bare row
    persons.delete(person.id());
    // counted in the yearly data audit as a deletion request served
    audit.append(person.pseudonym(), "data-deleted", "person", "" + person.id(), null);
    if (keep) {
      persons.insertKeptContact(person, clock.instant());
    }
    return keep;
  }

  /**
   * Deletes a contact kept for a safeguarding case once no case needs it any more; true when it
   * did.
   */
  @Transactional
  public boolean releaseKeptContact(long personId) {
    if (!persons.isKeptContact(personId)
        || holds.stream().anyMatch(h -> h.keepsContact(personId))) {
      return false;
    }
    events.publishEvent(new PersonForgotten(personId, false));
    persons.delete(personId);
    return true;
  }

  /** The nightly sweep: every kept contact whose cases are all closed; returns how many. */
  public int releaseKeptContacts() {
    int released = 0;
    for (long id : persons.keptContacts()) {
      released += releaseKeptContact(id) ? 1 : 0;
    }
    return released;
  }

  /** Published when someone (re)followed the account. */
  public record Followed(long personId) {}

  /** Published when someone unfollowed the account. */
  public record Unfollowed(long personId) {}

  /** Published when someone accepted the privacy notice. */
  public record Consented(long personId) {}

  /** Published when someone withdrew their consent (their data stays). */
  public record ConsentWithdrawn(long personId) {}

  /** Published when an admin's code turned someone into staff. */
  public record StaffEnrolled(long personId, Role role) {}

  /**
   * Published just before a person's data is deleted at their request.
   *
   * @param contactKept true when an open safeguarding case keeps their contact (and its hand-off)
   */
  public record PersonForgotten(long personId, boolean contactKept) {}
}
