package org.xinqiao.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.people.Person;

/** The durable record of every message in and out: the system of record for transcripts. */
@Repository
public class MessageLog {

  static final int MAX_BODY = 4000;
  private static final java.util.regex.Pattern STAFF_CODE =
      java.util.regex.Pattern.compile("(绑定\\s*)\\d{8}");

  /** One line of a transcript. */
  public record Line(long id, String direction, String body, Instant at) {
    @Override
    public String toString() {
      return "Line[" + id + ", " + direction + "]";
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  MessageLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records an inbound message; empty when this delivery was already recorded (a retry). */
  Optional<Long> recordInbound(Person person, InboundMessage message) {
    String body =
        switch (message.kind()) {
          case TEXT -> withoutStaffCode(message.text());
          case EVENT ->
              "["
                  + message.event()
                  + (message.eventKey() == null ? "" : " " + message.eventKey())
                  + "]";
          default -> "[" + message.kind().name().toLowerCase() + "]";
        };
    try {
      return Optional.of(
          insert(person.id(), "IN", message.kind().name(), body, message.dedupeKey()));
    } catch (DuplicateKeyException retry) {
      return Optional.empty();
    }
  }

  /** A staff code typed with "绑定" is a secret: the log keeps the command without its digits. */
  private static String withoutStaffCode(String text) {
    return STAFF_CODE.matcher(text).replaceAll("$1********");
  }

  /**
   * Records a reply; skipped when the person has just deleted their data (also when only their
   * contact was kept for an open case: that record holds nothing else).
   */
  public void recordOutbound(Person person, String text) {
    jdbc.sql(
            "insert into message (person_id, direction, kind, body, created_at)"
                + " select id, 'OUT', 'TEXT', ?, ? from person where id = ?"
                + " and contact_kept_at is null")
        .params(bounded(text), Timestamp.from(clock.instant()), person.id())
        .update();
  }

  /** The last {@code limit} lines of a person's conversation, oldest first. */
  public List<Line> recent(long personId, int limit) {
    List<Line> newestFirst =
        jdbc.sql(
                "select id, direction, body, created_at from message where person_id = ?"
                    + " order by created_at desc, id desc limit ?")
            .params(personId, limit)
            .query(
                (rs, i) ->
                    new Line(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
            .list();
    List<Line> oldestFirst = new java.util.ArrayList<>(newestFirst);
    java.util.Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /** Deletes message bodies older than the retention period; returns how many. */
  public int purgeBefore(Instant cutoff) {
    return jdbc.sql("delete from message where created_at < ?")
        .param(Timestamp.from(cutoff))
        .update();
  }

  private long insert(long personId, String direction, String kind, String body, String dedupeKey) {
    String bounded =
        body == null ? null : body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into message (person_id, direction, kind, body, dedupe_key, created_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(
            personId, direction, kind, bounded(body), dedupeKey, Timestamp.from(clock.instant()))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  private static String bounded(String body) {
    return body == null || body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY);
  }
}
