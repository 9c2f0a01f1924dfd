package org.xinqiao.push;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The content of announcement runs, kept beside the run so every retry sends the same draft. */
@Repository
class AnnouncementCards {

  private final JdbcClient jdbc;

  AnnouncementCards(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void save(long runId, Announcements.Card card) {
    jdbc.sql("insert into push_announcement (run_id, title, digest, html) values (?, ?, ?, ?)")
        .params(runId, cut(card.title(), 64), cut(card.digest(), 120), cut(card.html(), 8000))
        .update();
  }

  Optional<Announcements.Card> of(PushRun run) {
    return jdbc.sql("select title, digest, html from push_announcement where run_id = ?")
        .param(run.id())
        .query(
            (rs, i) ->
                new Announcements.Card(
                    run.articleId(), rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
