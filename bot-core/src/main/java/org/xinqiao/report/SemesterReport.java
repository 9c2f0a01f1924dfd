package org.xinqiao.report;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The semester report for the school's leadership: every section, disclosure-controlled. */
public final class SemesterReport {

  private final List<ReportSection> sections;

  SemesterReport(List<ReportSection> sections) {
    this.sections = sections;
  }

  /** Every section whose tables exist; a feature's section is added here. */
  public static SemesterReport sections(JdbcClient jdbc, AckDeadlines deadlines) {
    return new SemesterReport(
        List.of(
            new PeopleSection(jdbc),
            new QuestionSection(jdbc),
            new EscalationSection(jdbc, deadlines),
            new AppointmentSection(jdbc),
            new PushSection(jdbc)));
  }

  public Report build(ReportPeriod period, Clock clock) {
    return new Report(
        "心桥 学期报告",
        period,
        clock.instant(),
        sections.stream()
            .map(
                s ->
                    new Report.Section(
                        s.title(), s.tables(period).stream().map(Disclosure::apply).toList()))
            .toList());
  }
}
