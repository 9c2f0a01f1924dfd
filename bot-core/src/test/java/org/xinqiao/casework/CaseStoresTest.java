package org.xinqiao.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinqiao.testsupport.TestDatabase;

/** The casework tables' SQL on H2 and on PostgreSQL. */
@ParameterizedClass
@MethodSource("org.xinqiao.testsupport.TestDatabase#both")
class CaseStoresTest {

  @Parameter TestDatabase db;

  private static final Instant T0 = Instant.parse("2026-05-01T13:00:00Z");

  @Test
  void aCaseKeepsItsAssigneesNotesLinksAndPlanInOrder() {
    var cases = new CaseRepository(db.jdbc());
    var entries = new CaseEntryRepository(db.jdbc());
    long id = cases.insert("三(2)班 ZX", LinkKind.ESCALATION, 5L, 7, "张老师", T0);
    cases.assign(id, 8);
    cases.assign(id, 8);
    entries.addNote(id, 7, "张老师", "第二次谈话", T0.plusSeconds(120));
    entries.addNote(id, 7, "张老师", "第一次谈话", T0.plusSeconds(60));
    assertThat(entries.link(id, LinkKind.ESCALATION, 11, 7L, T0)).isTrue();
    assertThat(entries.link(id, LinkKind.ESCALATION, 11, 7L, T0)).isFalse();
    entries.link(id, LinkKind.CHECKIN, 3, 7L, T0.plusSeconds(1));
    long f = entries.addFollowup(id, T0.plus(Duration.ofDays(7)), "回访家长", 7, T0);

    CaseFile c = cases.find(id).orElseThrow();
    assertThat(c.assignees()).containsExactlyInAnyOrder(7L, 8L);
    assertThat(c.subjectPersonId()).isEqualTo(5L);
    assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(entries.notes(id))
        .extracting(CaseEntries.Note::body)
        .containsExactly("第一次谈话", "第二次谈话");
    assertThat(entries.links(id))
        .extracting(CaseEntries.Link::kind)
        .containsExactly(LinkKind.ESCALATION, LinkKind.CHECKIN);
    assertThat(cases.unclosedAbout(5)).containsExactly(id);
    assertThat(entries.markDone(id, f, T0.plusSeconds(5))).isTrue();
    assertThat(entries.markDone(id, f, T0.plusSeconds(6))).isFalse();
    assertThat(cases.list(8L)).extracting(CaseFile::id).containsExactly(id);
    assertThat(cases.list(9L)).isEmpty();
  }

  @Test
  void thePurgeDeletesOnlyCasesClosedBeforeTheCutoffWithEverythingUnderThem() {
    var cases = new CaseRepository(db.jdbc());
    var entries = new CaseEntryRepository(db.jdbc());
    long old = cases.insert("ZX", LinkKind.MANUAL, null, 7, "张老师", T0);
    entries.addNote(old, 7, "张老师", "记录", T0);
    entries.addFollowup(old, T0.plusSeconds(60), "回访", 7, T0);
    entries.link(old, LinkKind.APPOINTMENT, 4, 7L, T0);
    assertThat(cases.close(old, "张老师", CaseOutcome.IMPROVED, null, T0)).isTrue();
    assertThat(cases.close(old, "张老师", CaseOutcome.OTHER, null, T0)).isFalse();
    long recent = cases.insert("LM", LinkKind.MANUAL, null, 7, "张老师", T0);
    cases.close(recent, "张老师", CaseOutcome.IMPROVED, null, T0.plus(Duration.ofDays(400)));
    long open = cases.insert("WY", LinkKind.MANUAL, null, 7, "张老师", T0);

    assertThat(cases.purgeClosedBefore(T0.plus(Duration.ofDays(1)))).isOne();

    assertThat(cases.find(old)).isEmpty();
    assertThat(entries.notes(old)).isEmpty();
    assertThat(entries.followups(old)).isEmpty();
    assertThat(entries.links(old)).isEmpty();
    assertThat(cases.find(recent)).isPresent();
    assertThat(cases.find(open)).isPresent();
  }
}
