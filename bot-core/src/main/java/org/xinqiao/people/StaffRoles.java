package org.xinqiao.people;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinqiao.store.AuditLog;

/**
 * Staff offboarding: who holds a staff role and where it came from, revoking a role, and demoting
 * admins taken out of {@code xinqiao.people.admin-openids}. Every change is in the audit log and
 * published as {@link RoleRevoked}, so the console can end the person's sessions at once.
 */
@Service
public class StaffRoles {

  private final PersonRepository persons;
  private final PeopleProperties properties;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  StaffRoles(
      PersonRepository persons,
      PeopleProperties properties,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.persons = persons;
    this.properties = properties;
    this.audit = audit;
    this.events = events;
  }

  /** Members of staff called {@code displayName} (several people may share a name). */
  public List<Person> staffNamed(String displayName) {
    return persons.staff(displayName);
  }

  /** Every member of staff, oldest first. */
  public List<Person> staff() {
    return persons.staff(null);
  }

  /** Where a person's staff role came from; empty for parents. */
  public Optional<RoleSource> roleSource(long personId) {
    return persons.roleSource(personId);
  }

  /** What became of a revocation. */
  public enum Revocation {
    REVOKED,
    NOT_STAFF,
    /** An admin cannot revoke themselves (there must always be someone left to fix mistakes). */
    SELF,
    /** The role comes from configuration; it is removed there, not in the chat. */
    CONFIGURED
  }

  /**
   * An admin ends a member of staff's role: they are a parent again at once, and {@link
   * RoleRevoked} ends their console sessions and login codes.
   */
  @Transactional
  public Revocation revoke(Person admin, long personId) {
    if (admin.role() != Role.ADMIN) {
      throw new IllegalStateException("only an admin can revoke a role");
    }
    Optional<Person> target = persons.find(personId).filter(p -> p.role().isStaff());
    if (target.isEmpty()) {
      return Revocation.NOT_STAFF;
    }
    if (personId == admin.id()) {
      return Revocation.SELF;
    }
    if (persons.roleSource(personId).orElse(null) == RoleSource.CONFIG
        && properties.adminOpenids().contains(target.get().openid())) {
      return Revocation.CONFIGURED;
    }
    endRole(target.get(), admin.pseudonym(), "role-revoked");
    return Revocation.REVOKED;
  }

  /**
   * At start-up: admins granted by configuration whose openid is no longer configured become
   * parents again. Admins enrolled by invitation are left alone.
   */
  @Transactional
  public int demoteUnconfiguredAdmins() {
    int demoted = 0;
    for (Person admin : persons.configuredAdmins()) {
      if (!properties.adminOpenids().contains(admin.openid())) {
        endRole(admin, "config", "role-removed-from-config");
        demoted++;
      }
    }
    return demoted;
  }

  private void endRole(Person person, String actor, String action) {
    persons.setRole(person.id(), Role.PARENT, person.displayName(), null);
    audit.append(actor, action, "person", "" + person.id(), "was " + person.role());
    events.publishEvent(new RoleRevoked(person.id(), person.role()));
  }

  /** Published when a member of staff lost their role (revoked, or removed from configuration). */
  public record RoleRevoked(long personId, Role formerRole) {}
}
