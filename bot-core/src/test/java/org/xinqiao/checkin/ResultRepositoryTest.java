package org.xinqiao.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinqiao.testsupport.TestDatabase;

/** Check-in results on H2 and PostgreSQL: latest, previous, sharing, aggregates' rows, purge. */
@ParameterizedClass
@MethodSource("org.xinqiao.testsupport.TestDatabase#both")
class ResultRepositoryTest {

  @Parameter TestDatabase db;

  static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z").truncatedTo(ChronoUnit.MILLIS);

  @Test
  void theLatestCompleteResultCountsAndAnAlertStoppedOneDoesNot() {
    ResultRepository results = new ResultRepository(db.jdbc());
    long person = person();
    long first =
        results.insert(
            person,
            "stress",
            true,
            3,
            "压力不大",
            false,
            List.of(0, 1, 2),
            NOW.minus(Duration.ofDays(2)),
            null);
    long second =
        results.insert(
            person,
            "stress",
            true,
            12,
            "压力较大",
            true,
            List.of(3, 3, -1),
            NOW.minus(Duration.ofDays(1)),
            null);
    results.insert(person, "stress", false, 0, null, true, List.of(0, 1), NOW, 77L);

    Result latest = results.latest(person, "stress").orElseThrow();
    assertThat(latest.id()).isEqualTo(second);
    assertThat(latest.answers()).containsExactly(3, 3, -1);
    assertThat(latest.takenAt()).isEqualTo(NOW.minus(Duration.ofDays(1)));
    assertThat(results.previousComplete(person, "stress", second).orElseThrow().id())
        .isEqualTo(first);
    assertThat(results.latest(person, "teacher")).isEmpty();
    assertThat(
            results.completeSince(NOW.minus(Duration.ofDays(3))).stream()
                .filter(r -> r.personId() == person))
        .extracting(Result::id)
        .containsExactly(first, second);
  }

  @Test
  void onlyItsOwnerSharesAResultAndOnlyOnce() {
    ResultRepository results = new ResultRepository(db.jdbc());
    long owner = person();
    long other = person();
    long id = results.insert(owner, "stress", true, 12, "压力较大", true, List.of(3), NOW, null);

    assertThat(results.share(id, other, NOW)).isFalse();
    assertThat(results.shared(10)).extracting(Result::id).doesNotContain(id);
    assertThat(results.share(id, owner, NOW)).isTrue();
    assertThat(results.share(id, owner, NOW)).isFalse();
    assertThat(results.shared(10)).extracting(Result::id).contains(id);
  }

  @Test
  void purgeDeletesOnlyResultsOlderThanTheCutoffAndDeletingThePersonDeletesTheirs() {
    ResultRepository results = new ResultRepository(db.jdbc());
    long person = person();
    long old =
        results.insert(
            person,
            "stress",
            true,
            1,
            "压力不大",
            false,
            List.of(1),
            NOW.minus(Duration.ofDays(400)),
            null);
    long recent = results.insert(person, "stress", true, 1, "压力不大", false, List.of(1), NOW, null);

    assertThat(results.purgeBefore(NOW.minus(Duration.ofDays(365)))).isEqualTo(1);
    assertThat(results.find(old)).isEmpty();
    assertThat(results.find(recent)).isPresent();

    db.jdbc().sql("delete from person where id = ?").param(person).update();
    assertThat(results.find(recent)).isEmpty();
  }

  private long person() {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    db.jdbc()
        .sql(
            "insert into person (channel, openid, role, following, created_at)"
                + " values ('wechat', ?, 'PARENT', true, ?)")
        .params("o_" + UUID.randomUUID(), Timestamp.from(NOW))
        .update(keys, "id");
    return keys.getKey().longValue();
  }
}
