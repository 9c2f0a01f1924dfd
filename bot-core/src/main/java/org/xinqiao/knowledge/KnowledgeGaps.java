package org.xinqiao.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xinqiao.kb.Hit;
import org.xinqiao.text.PersonalDetails;

/**
 * Questions the knowledge base could not answer confidently, kept without who asked and with
 * numbers and names masked ({@link PersonalDetails}) before they are written, so the school can see
 * which content is missing; deleted after the message retention period ({@link GapRetention}).
 */
@Repository
public class KnowledgeGaps {

  private static final Logger log = LoggerFactory.getLogger(KnowledgeGaps.class);

  /** A stored question is cut to this many characters: enough to see what was asked. */
  private static final int MAX_QUESTION_CHARS = 200;

  /** What a content author decided about a gap. */
  enum Status {
    OPEN,
    PHRASING,
    OUT_OF_SCOPE,
    NEEDS_ENTRY
  }

  /** One recorded gap. */
  public record Gap(
      long id,
      String question,
      String verdict,
      String bestId,
      Double bestScore,
      Instant at,
      String status) {}

  private static final String COLUMNS =
      "select id, question, verdict, best_id, best_score, created_at, status from kb_gap";

  private final JdbcClient jdbc;
  private final Clock clock;

  KnowledgeGaps(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Counts one question for the semester report: when, how it went, the topic answered. */
  void count(String verdict, String topic) {
    jdbc.sql("insert into question_stat (asked_at, outcome, topic) values (?, ?, ?)")
        .params(
            Timestamp.from(clock.instant()),
            verdict,
            topic == null ? null : topic.substring(0, Math.min(100, topic.length())))
        .update();
  }

  void record(String question, String verdict, List<Hit> hits) {
    count(verdict, null);
    Hit best = hits.isEmpty() ? null : hits.get(0);
    jdbc.sql(
            "insert into kb_gap (question, verdict, best_id, best_score, created_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(
            PersonalDetails.mask(question, MAX_QUESTION_CHARS),
            verdict,
            best == null ? null : best.id(),
            best == null ? null : best.score(),
            Timestamp.from(clock.instant()))
        .update();
  }

  public List<Gap> recent(int limit) {
    return jdbc.sql(COLUMNS + " order by created_at desc, id desc limit ?")
        .param(limit)
        .query(KnowledgeGaps::gap)
        .list();
  }

  /** The newest gaps with this status, newest first. */
  List<Gap> withStatus(Status status, int limit) {
    return jdbc.sql(COLUMNS + " where status = ? order by created_at desc, id desc limit ?")
        .params(status.name(), limit)
        .query(KnowledgeGaps::gap)
        .list();
  }

  List<Gap> byIds(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(COLUMNS + " where id in (:ids) order by created_at desc, id desc")
        .param("ids", ids)
        .query(KnowledgeGaps::gap)
        .list();
  }

  /** Records a decision for the gaps still undecided (open, or waiting for a new entry). */
  int decide(List<Long> ids, Status status, String entryId) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            "update kb_gap set status = :status, decided_entry = :entry, decided_at = :at"
                + " where id in (:ids) and status in ('OPEN', 'NEEDS_ENTRY')")
        .param("status", status.name())
        .param("entry", entryId)
        .param("at", Timestamp.from(clock.instant()))
        .param("ids", ids)
        .update();
  }

  /** Deletes gaps recorded before {@code cutoff}, whatever was decided about them. */
  int purgeBefore(Instant cutoff) {
    return jdbc.sql("delete from kb_gap where created_at < ?")
        .param(Timestamp.from(cutoff))
        .update();
  }

  /**
   * Masks again what was stored before the masking covered every number and name: such rows once
   * showed "只考了60分" on a page that promised numbers were hidden. Idempotent and cheap (gaps are
   * few, and purged), so every instance may run it at start-up.
   */
  @EventListener(ApplicationReadyEvent.class)
  void remaskOnStart() {
    remaskStored();
  }

  int remaskStored() {
    int changed = 0;
    for (Gap gap :
        jdbc.sql("select id, question from kb_gap")
            .query((rs, i) -> new Gap(rs.getLong(1), rs.getString(2), null, null, null, null, null))
            .list()) {
      String masked = PersonalDetails.mask(gap.question(), MAX_QUESTION_CHARS);
      if (!masked.equals(gap.question())) {
        changed +=
            jdbc.sql("update kb_gap set question = ? where id = ?")
                .params(masked, gap.id())
                .update();
      }
    }
    if (changed > 0) {
      log.info("masked numbers and names in {} stored unanswered questions", changed);
    }
    return changed;
  }

  private static Gap gap(ResultSet rs, int row) throws SQLException {
    return new Gap(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getObject(5) == null ? null : rs.getDouble(5),
        rs.getTimestamp(6).toInstant(),
        rs.getString(7));
  }
}
