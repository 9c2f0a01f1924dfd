package org.xinqiao.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xinqiao.kb.Hit;

/**
 * Questions the knowledge base could not answer confidently, kept without who asked and with
 * numbers (phones, ids) masked, so the school can see which content is missing.
 */
@Repository
public class KnowledgeGaps {

  /** One recorded gap. */
  public record Gap(String question, String verdict, String bestId, Double bestScore, Instant at) {}

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
            scrub(question),
            verdict,
            best == null ? null : best.id(),
            best == null ? null : best.score(),
            Timestamp.from(clock.instant()))
        .update();
  }

  public List<Gap> recent(int limit) {
    return jdbc.sql(
            "select question, verdict, best_id, best_score, created_at from kb_gap"
                + " order by created_at desc, id desc limit ?")
        .param(limit)
        .query(
            (rs, i) ->
                new Gap(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4) == null ? null : rs.getDouble(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** Deletes unanswered questions recorded before {@code cutoff} (their retention period). */
  int purgeBefore(Instant cutoff) {
    return jdbc.sql("delete from kb_gap where created_at < ?")
        .param(Timestamp.from(cutoff))
        .update();
  }

  /** Masks runs of digits (phone numbers, student ids) and caps the length. */
  static String scrub(String question) {
    String masked = question.replaceAll("\\d{4,}", "＊＊＊").replaceAll("[\\w.+-]+@[\\w.-]+", "＊＊＊");
    return masked.length() > 200 ? masked.substring(0, 200) : masked;
  }
}
