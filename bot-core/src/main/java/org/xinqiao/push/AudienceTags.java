package org.xinqiao.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.people.Role;

/**
 * Keeps each audience's WeChat tag equal to who should get that audience's article: followers who
 * consented and did not pause, parents in the parents tag, staff in the teachers tag. Changes are
 * applied as differences against {@code push_member}, the record of what we told WeChat, so a
 * missed event (follow, role change, pause) is put right by the next reconcile.
 */
@Component
class AudienceTags {

  private static final Logger log = LoggerFactory.getLogger(AudienceTags.class);
  private static final int BATCH = 50;

  private final JdbcClient jdbc;
  private final MassSender sender;
  private final PushProperties properties;
  private final Clock clock;

  AudienceTags(JdbcClient jdbc, MassSender sender, PushProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.properties = properties;
    this.clock = clock;
  }

  /** The audience's tag id, creating the tag on WeChat the first time. */
  long tagId(Audience audience) throws ChannelException {
    var known =
        jdbc.sql("select tag_id from push_tag where audience = ?")
            .param(audience.name())
            .query(Long.class)
            .optional();
    if (known.isPresent()) {
      return known.get();
    }
    String name = properties.tagName(audience);
    Long id = sender.tags().get(name);
    if (id == null) {
      id = sender.createTag(name);
    }
    try {
      jdbc.sql("insert into push_tag (audience, tag_id) values (?, ?)")
          .params(audience.name(), id)
          .update();
    } catch (DuplicateKeyException raced) {
      // the same tag was recorded by another caller
    }
    return id;
  }

  private record Member(long personId, String openid, Audience wanted, Audience tagged) {}

  /** Applies every difference between who should be tagged and who is; returns changes made. */
  int reconcile() throws ChannelException {
    forgetVanishedTags();
    return apply(members(null));
  }

  /**
   * A tag deleted on WeChat's side (by an admin in the backend, or a restarted simulator) is
   * forgotten here too, with its memberships, so the next sync recreates and refills it instead of
   * failing every week.
   */
  private void forgetVanishedTags() throws ChannelException {
    Map<String, Long> onWeChat = sender.tags();
    for (Audience audience : List.of(Audience.PARENT, Audience.TEACHER)) {
      var known =
          jdbc.sql("select tag_id from push_tag where audience = ?")
              .param(audience.name())
              .query(Long.class)
              .optional();
      if (known.isPresent() && !known.get().equals(onWeChat.get(properties.tagName(audience)))) {
        log.warn("WeChat tag for {} is gone; it will be recreated", audience);
        jdbc.sql("delete from push_member where audience = ?").param(audience.name()).update();
        jdbc.sql("delete from push_tag where audience = ?").param(audience.name()).update();
      }
    }
  }

  /** Applies the differences for one person (after a pause, resume or role change). */
  void syncPerson(long personId) {
    try {
      apply(members(personId));
    } catch (ChannelException | RuntimeException e) {
      // the next reconcile puts it right
      log.warn("tag sync for p{} deferred: {}", personId, e.getMessage());
    }
  }

  private List<Member> members(Long personId) {
    // -1 selects everyone: person ids are positive
    long only = personId == null ? -1 : personId;
    return jdbc
        .sql(
            "select q.id, q.openid, q.role, q.eligible, m.audience as tagged from (select p.id,"
                + " p.openid, p.role, (p.following and p.consented_at is not null and"
                + " p.channel = 'wechat' and coalesce(pp.paused, false) = false) as eligible"
                + " from person p left join push_preference pp on pp.person_id = p.id) q"
                + " left join push_member m on m.person_id = q.id where (? = -1 or q.id = ?)")
        .params(only, only)
        .query(
            (rs, i) ->
                new Member(
                    rs.getLong("id"),
                    rs.getString("openid"),
                    rs.getBoolean("eligible")
                        ? Audience.of(Role.valueOf(rs.getString("role")))
                        : null,
                    rs.getString("tagged") == null
                        ? null
                        : Audience.valueOf(rs.getString("tagged"))))
        .list()
        .stream()
        .filter(m -> m.wanted() != m.tagged())
        .toList();
  }

  private int apply(List<Member> changes) throws ChannelException {
    Map<Audience, List<Member>> removals = new EnumMap<>(Audience.class);
    Map<Audience, List<Member>> additions = new EnumMap<>(Audience.class);
    for (Member m : changes) {
      if (m.tagged() != null) {
        removals.computeIfAbsent(m.tagged(), a -> new ArrayList<>()).add(m);
      }
      if (m.wanted() != null) {
        additions.computeIfAbsent(m.wanted(), a -> new ArrayList<>()).add(m);
      }
    }
    for (var e : removals.entrySet()) {
      for (List<Member> batch : batches(e.getValue())) {
        sender.untag(tagId(e.getKey()), batch.stream().map(Member::openid).toList());
        batch.forEach(m -> forget(m.personId()));
      }
    }
    for (var e : additions.entrySet()) {
      for (List<Member> batch : batches(e.getValue())) {
        sender.tag(tagId(e.getKey()), batch.stream().map(Member::openid).toList());
        batch.forEach(m -> remember(m.personId(), e.getKey()));
      }
    }
    return changes.size();
  }

  /** Before a person's data is deleted: take them out of their tag while we know the openid. */
  void removeNow(long personId) throws ChannelException {
    var tagged =
        jdbc.sql(
                "select m.audience, p.openid from push_member m join person p on p.id ="
                    + " m.person_id where m.person_id = ?")
            .param(personId)
            .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
            .optional();
    if (tagged.isPresent()) {
      sender.untag(tagId(Audience.valueOf(tagged.get()[0])), List.of(tagged.get()[1]));
      forget(personId);
    }
  }

  private void remember(long personId, Audience audience) {
    jdbc.sql("delete from push_member where person_id = ?").param(personId).update();
    jdbc.sql("insert into push_member (person_id, audience, tagged_at) values (?, ?, ?)")
        .params(personId, audience.name(), Timestamp.from(clock.instant()))
        .update();
  }

  private void forget(long personId) {
    jdbc.sql("delete from push_member where person_id = ?").param(personId).update();
  }

  private static List<List<Member>> batches(List<Member> all) {
    List<List<Member>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += BATCH) {
      out.add(all.subList(i, Math.min(all.size(), i + BATCH)));
    }
    return out;
  }
}
