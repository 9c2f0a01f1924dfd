package org.xinqiao.casework;

import static org.xinqiao.casework.CaseRepository.instant;
import static org.xinqiao.casework.CaseRepository.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code case_note}, {@code case_link} and {@code case_followup}. */
@Repository
class CaseEntryRepository {

  private final JdbcClient jdbc;

  CaseEntryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void addNote(long caseId, long authorId, String authorName, String body, Instant at) {
    jdbc.sql(
            "insert into case_note (case_id, author_id, author_name, written_at, body)"
                + " values (?, ?, ?, ?, ?)")
        .params(caseId, authorId, authorName, ts(at), body)
        .update();
  }

  List<CaseEntries.Note> notes(long caseId) {
    return jdbc.sql(
            "select id, author_id, author_name, written_at, body from case_note"
                + " where case_id = ? order by written_at, id")
        .param(caseId)
        .query(
            (rs, i) ->
                new CaseEntries.Note(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    instant(rs, "written_at"),
                    rs.getString(5)))
        .list();
  }

  /** False when the link was already there. */
  boolean link(long caseId, LinkKind kind, long refId, Long by, Instant at) {
    return jdbc.sql(
                "insert into case_link (case_id, kind, ref_id, linked_by, linked_at)"
                    + " select ?, ?, ?, ?, ? where not exists (select 1 from case_link"
                    + " where case_id = ? and kind = ? and ref_id = ?)")
            .params(caseId, kind.name(), refId, by, ts(at), caseId, kind.name(), refId)
            .update()
        == 1;
  }

  List<CaseEntries.Link> links(long caseId) {
    return jdbc.sql(
            "select kind, ref_id, linked_at from case_link where case_id = ? order by linked_at")
        .param(caseId)
        .query(
            (rs, i) ->
                new CaseEntries.Link(
                    LinkKind.valueOf(rs.getString(1)), rs.getLong(2), instant(rs, "linked_at")))
        .list();
  }

  long addFollowup(long caseId, Instant dueAt, String what, long by, Instant at) {
    var key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into case_followup (case_id, due_at, what, created_by, created_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(caseId, ts(dueAt), what, by, ts(at))
        .update(key, "id");
    return key.getKeyAs(Long.class);
  }

  List<CaseEntries.Followup> followups(long caseId) {
    return jdbc.sql(
            "select id, due_at, what, reminded_at, done_at from case_followup where case_id = ?"
                + " order by due_at, id")
        .param(caseId)
        .query(
            (rs, i) ->
                new CaseEntries.Followup(
                    rs.getLong(1),
                    instant(rs, "due_at"),
                    rs.getString(3),
                    instant(rs, "reminded_at"),
                    instant(rs, "done_at")))
        .list();
  }

  Optional<CaseEntries.Followup> followup(long caseId, long followupId) {
    return followups(caseId).stream().filter(f -> f.id() == followupId).findFirst();
  }

  boolean markDone(long caseId, long followupId, Instant at) {
    return jdbc.sql(
                "update case_followup set done_at = ? where id = ? and case_id = ?"
                    + " and done_at is null")
            .params(ts(at), followupId, caseId)
            .update()
        == 1;
  }

  void markReminded(long followupId, Instant at) {
    jdbc.sql("update case_followup set reminded_at = ? where id = ?")
        .params(ts(at), followupId)
        .update();
  }
}
