package org.xinqiao.report;

import java.time.Clock;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.checkin.CheckinFigures;
import org.xinqiao.event.EventFigures;

/** The semester report for the school's leadership: every section, disclosure-controlled. */
public final class SemesterReport {

  private final List<ReportSection> sections;

  SemesterReport(List<ReportSection> sections) {
    this.sections = sections;
  }

  /**
   * Every section whose tables exist; a feature's section is added here. The configuration gives
   * the features' own settings the figures are measured against (acknowledgement deadlines,
   * training targets, the school's own check-ins), read the same way in the server and the
   * command-line tool.
   */
  public static SemesterReport sections(JdbcClient jdbc, Environment environment) {
    return new SemesterReport(
        List.of(
            new PeopleSection(jdbc),
            new QuestionSection(jdbc),
            new EscalationSection(jdbc, AckDeadlines.from(environment)),
            new AppointmentSection(jdbc),
            new EventSection(EventFigures.from(jdbc, environment)),
            new CheckinSection(CheckinFigures.from(jdbc, environment)),
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
