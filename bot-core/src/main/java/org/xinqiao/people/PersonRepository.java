package org.xinqiao.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PersonRepository {

  private final JdbcClient jdbc;

  PersonRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Person> find(String channel, String openid) {
    return jdbc.sql("select * from person where channel = ? and openid = ?")
        .params(channel, openid)
        .query(PersonRepository::map)
        .optional();
  }

  Optional<Person> find(long id) {
    return jdbc.sql("select * from person where id = ?")
        .param(id)
        .query(PersonRepository::map)
        .optional();
  }

  List<Person> withRole(Role role) {
    return jdbc.sql("select * from person where role = ? order by id")
        .param(role.name())
        .query(PersonRepository::map)
        .list();
  }

  /** Inserts the person if new; a concurrent insert of the same openid is tolerated. */
  Person insertIfAbsent(String channel, String openid, Instant now) {
    Optional<Person> existing = find(channel, openid);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      jdbc.sql(
              "insert into person (channel, openid, role, following, created_at)"
                  + " values (?, ?, ?, ?, ?)")
          .params(channel, openid, Role.PARENT.name(), true, Timestamp.from(now))
          .update();
    } catch (org.springframework.dao.DuplicateKeyException raced) {
      // another delivery of the same person's first message won the race: fine
    }
    return find(channel, openid).orElseThrow();
  }

  void touchInbound(long id, Instant at) {
    jdbc.sql("update person set last_inbound_at = ? where id = ?")
        .params(Timestamp.from(at), id)
        .update();
  }

  void setFollowing(long id, boolean following) {
    jdbc.sql("update person set following = ? where id = ?").params(following, id).update();
  }

  /** Records consent; true when it ends an earlier withdrawal. */
  boolean setConsent(long id, Instant at, Integer noticeVersion) {
    boolean withdrawn = withdrewConsent(id);
    jdbc.sql(
            "update person set consented_at = ?, notice_version = ?, consent_withdrawn_at = null"
                + " where id = ?")
        .params(at == null ? null : Timestamp.from(at), noticeVersion, id)
        .update();
    return withdrawn;
  }

  /** Back to the not-consented state, keeping everything else; false when there was no consent. */
  boolean withdrawConsent(long id, Instant at) {
    return jdbc.sql(
                "update person set consented_at = null, notice_version = null,"
                    + " consent_withdrawn_at = ? where id = ? and consented_at is not null")
            .params(Timestamp.from(at), id)
            .update()
        == 1;
  }

  boolean withdrewConsent(long id) {
    return jdbc.sql("select count(*) from (" + People.WITHDREW_CONSENT + ") w where w.id = ?")
            .param(id)
            .query(Integer.class)
            .single()
        > 0;
  }

  void setRole(long id, Role role, String displayName, RoleSource source) {
    jdbc.sql("update person set role = ?, display_name = ?, role_source = ? where id = ?")
        .params(role.name(), displayName, source == null ? null : source.name(), id)
        .update();
  }

  /** Staff, optionally only those called {@code displayName}, oldest first. */
  List<Person> staff(String displayName) {
    return jdbc.sql(
            "select * from person where role <> 'PARENT'"
                + (displayName == null ? "" : " and display_name = ?")
                + " order by id")
        .params(displayName == null ? new Object[0] : new Object[] {displayName})
        .query(PersonRepository::map)
        .list();
  }

  Optional<RoleSource> roleSource(long id) {
    return jdbc
        .sql("select role_source from person where id = ?")
        .param(id)
        .query((rs, i) -> rs.getString(1))
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .map(RoleSource::valueOf)
        .findFirst();
  }

  /** Admins whose role came from the configuration. */
  List<Person> configuredAdmins() {
    return jdbc.sql("select * from person where role = 'ADMIN' and role_source = 'CONFIG'")
        .query(PersonRepository::map)
        .list();
  }

  private static Person map(ResultSet rs, int row) throws SQLException {
    Timestamp consented = rs.getTimestamp("consented_at");
    return new Person(
        rs.getLong("id"),
        rs.getString("channel"),
        rs.getString("openid"),
        Role.valueOf(rs.getString("role")),
        rs.getString("display_name"),
        rs.getBoolean("following"),
        consented == null ? null : consented.toInstant(),
        rs.getTimestamp("created_at").toInstant());
  }

  void delete(long id) {
    jdbc.sql("delete from person where id = ?").param(id).update();
  }

  /**
   * Puts back only the contact (same id, channel, openid; a parent without consent or name) after
   * {@link #delete} removed the person and, by cascade, everything of theirs.
   */
  void insertKeptContact(Person person, Instant now) {
    jdbc.sql(
            "insert into person (id, channel, openid, role, following, created_at,"
                + " last_inbound_at, contact_kept_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            person.id(),
            person.channel(),
            person.openid(),
            Role.PARENT.name(),
            person.following(),
            Timestamp.from(now),
            // they asked just now: WeChat's 48-hour window for the counselor's replies is open
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
  }

  /** The people who are only a contact kept for a safeguarding case. */
  List<Long> keptContacts() {
    return jdbc.sql("select id from person where contact_kept_at is not null order by id")
        .query(Long.class)
        .list();
  }

  boolean isKeptContact(long id) {
    return jdbc.sql("select count(*) from person where id = ? and contact_kept_at is not null")
            .param(id)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The person consented again: theirs is an ordinary record from now on. */
  void clearKeptContact(long id) {
    jdbc.sql("update person set contact_kept_at = null where id = ?").param(id).update();
  }
}
