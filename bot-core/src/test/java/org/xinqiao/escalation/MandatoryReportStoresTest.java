package org.xinqiao.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinqiao.testsupport.TestDatabase;

/** The mandatory_report table's SQL on H2 and on PostgreSQL. */
@ParameterizedClass
@MethodSource("org.xinqiao.testsupport.TestDatabase#both")
class MandatoryReportStoresTest {

  @Parameter TestDatabase db;

  private static final Instant T0 = Instant.parse("2026-05-01T13:00:00Z");

  @Test
  void aReportedDecisionIsRecordedOnceWithWhomWhenAndReference() {
    var repo = new MandatoryReportRepository(db.jdbc());
    assertThat(repo.record(reported(41))).isTrue();
    assertThat(repo.record(reported(41))).as("a second decision is refused").isFalse();
    ReportDecision d = repo.find(41).orElseThrow();
    assertThat(d.recorded()).isTrue();
    assertThat(d.reportedTo()).isEqualTo(ReportDecision.ReportedTo.POLICE);
    assertThat(d.reference()).isEqualTo("JJ2026-0501");
    assertThat(d.decidedAt()).isEqualTo(T0);
  }

  @Test
  void notRequiredCountsOnlyOnceASecondPersonConfirmedIt() {
    var repo = new MandatoryReportRepository(db.jdbc());
    repo.record(notRequired(42, 7));
    assertThat(repo.find(42).orElseThrow().recorded()).isFalse();
    assertThat(repo.confirm(42, 7, "张老师", T0)).as("not by the one who decided").isFalse();
    assertThat(repo.confirm(42, 8, "王校长", T0.plusSeconds(60))).isTrue();
    ReportDecision d = repo.find(42).orElseThrow();
    assertThat(d.recorded()).isTrue();
    assertThat(d.confirmedBy()).isEqualTo(8L);
    assertThat(d.confirmedByName()).isEqualTo("王校长");
    assertThat(repo.confirm(42, 9, "李老师", T0)).as("confirmed once").isFalse();
  }

  @Test
  void anUnconfirmedNotRequiredCanBeReplacedByAReport() {
    var repo = new MandatoryReportRepository(db.jdbc());
    repo.record(notRequired(43, 7));
    assertThat(repo.record(reported(43))).isTrue();
    assertThat(repo.find(43).orElseThrow().decision()).isEqualTo(ReportDecision.Kind.REPORTED);
  }

  private static ReportDecision reported(long id) {
    return new ReportDecision(
        id,
        ReportDecision.Kind.REPORTED,
        ReportDecision.ReportedTo.POLICE,
        null,
        "2026-05-01 21:30",
        "JJ2026-0501",
        null,
        7,
        "张老师",
        T0,
        null,
        null,
        null);
  }

  private static ReportDecision notRequired(long id, long by) {
    return new ReportDecision(
        id,
        ReportDecision.Kind.NOT_REQUIRED,
        null,
        null,
        null,
        null,
        "核实为孩子转述的电视剧情节",
        by,
        "张老师",
        T0,
        null,
        null,
        null);
  }
}
