package org.xinqiao.push;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who paused the weekly article ("暂停推送"). Everyone receives it unless they paused. */
@Repository
class PushPreferences {

  private final JdbcClient jdbc;
  private final Clock clock;

  PushPreferences(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  boolean paused(long personId) {
    return jdbc.sql("select paused from push_preference where person_id = ?")
        .param(personId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  void setPaused(long personId, boolean paused) {
    Timestamp now = Timestamp.from(clock.instant());
    int updated =
        jdbc.sql("update push_preference set paused = ?, updated_at = ? where person_id = ?")
            .params(paused, now, personId)
            .update();
    if (updated == 0) {
      try {
        jdbc.sql("insert into push_preference (person_id, paused, updated_at) values (?, ?, ?)")
            .params(personId, paused, now)
            .update();
      } catch (org.springframework.dao.DuplicateKeyException raced) {
        jdbc.sql("update push_preference set paused = ?, updated_at = ? where person_id = ?")
            .params(paused, now, personId)
            .update();
      }
    }
  }
}
