package org.xinqiao.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinqiao.testsupport.TestDatabase;

@ParameterizedClass
@MethodSource("org.xinqiao.testsupport.TestDatabase#both")
class AuditLogTest {

  @Parameter TestDatabase db;

  @Test
  void readsBackWhatWasAppendedNewestFirst() {
    AuditLog audit = new AuditLog(db.jdbc());
    AuditEntry first = audit.append("counselor:7", "escalation.viewed", "escalation", "41", null);
    AuditEntry second =
        audit.append("counselor:7", "escalation.acknowledged", "escalation", "41", "tier=high");

    List<AuditEntry> recent = audit.recentBySubject("escalation", "41", 10);

    assertThat(recent).containsExactly(second, first);
    assertThat(second.id()).isGreaterThan(first.id());
  }

  @Test
  void keepsTheTimeOfTheClockToTheMicrosecond() {
    Instant at = Instant.parse("2026-03-02T01:02:03.123456789Z");
    AuditLog audit = new AuditLog(db.jdbc(), Clock.fixed(at, ZoneOffset.UTC));

    audit.append("system", "push.sent", "article", "9", null);

    assertThat(audit.recentBySubject("article", "9", 1))
        .singleElement()
        .extracting(AuditEntry::at)
        .isEqualTo(at.truncatedTo(ChronoUnit.MICROS));
  }

  @Test
  void returnsOnlyTheAskedSubjectUpToTheLimit() {
    AuditLog audit = new AuditLog(db.jdbc());
    for (int i = 0; i < 5; i++) {
      audit.append("admin:1", "user.role-changed", "user", "100", "step " + i);
    }
    audit.append("admin:1", "user.role-changed", "user", "101", null);
    audit.append("admin:1", "article.published", "article", "100", null);

    List<AuditEntry> recent = audit.recentBySubject("user", "100", 3);

    assertThat(recent).extracting(AuditEntry::detail).containsExactly("step 4", "step 3", "step 2");
  }

  @Test
  void refusesADetailLongerThanANote() {
    AuditLog audit = new AuditLog(db.jdbc());
    String essay = "x".repeat(AuditLog.MAX_DETAIL + 1);

    assertThatThrownBy(() -> audit.append("system", "x", "user", "1", essay))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(audit.recentBySubject("user", "1", 10)).isEmpty();
  }
}
