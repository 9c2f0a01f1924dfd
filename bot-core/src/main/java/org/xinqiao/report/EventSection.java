package org.xinqiao.report;

import java.util.ArrayList;
import java.util.List;
import org.xinqiao.event.EventFigures;

/**
 * Events starting in the period, by kind: held, cancelled, sign-ups and attendance; and the
 * teachers' training against the plan's targets as a number and share of teachers, never names.
 */
final class EventSection implements ReportSection {

  private final EventFigures figures;

  EventSection(EventFigures figures) {
    this.figures = figures;
  }

  @Override
  public String title() {
    return "活动与教师培训";
  }

  @Override
  public List<Table> tables(ReportPeriod period) {
    List<Table.Row> rows = new ArrayList<>();
    long[] totals = new long[5];
    for (EventFigures.Kind k : figures.byKind(period.start(), period.end())) {
      long[] v = {k.held(), k.signedUp(), k.attended(), k.signedUpAttended(), k.cancelled()};
      for (int i = 0; i < v.length; i++) {
        totals[i] += v[i];
      }
      rows.add(kindRow(k.label(), v));
    }
    rows.add(kindRow("合计", totals));
    Table byKind =
        new Table(
            "按活动类型（开始时间在本期）",
            List.of("类型", "举办场次", "报名人次", "签到人次", "报名者签到率", "取消场次"),
            rows,
            true,
            true);
    EventFigures.Training training = figures.training(period.to());
    return List.of(byKind, training(period, training), share(training));
  }

  private static Table.Row kindRow(String label, long[] v) {
    return Table.Row.of(
        label,
        Table.count(v[0]),
        Table.count(v[1]),
        Table.count(v[2]),
        Table.measure(Percent.of(v[3], v[1]), v[1]),
        Table.count(v[4]));
  }

  private static Table training(ReportPeriod period, EventFigures.Training t) {
    List<Table.Row> rows =
        List.of(
            Table.Row.of("已达标", Table.count(t.reachedYear()), Table.count(t.reachedTerm())),
            Table.Row.of(
                "未达标",
                Table.count(t.staff() - t.reachedYear()),
                Table.count(t.staff() - t.reachedTerm())),
            Table.Row.of("合计", Table.count(t.staff()), Table.count(t.staff())));
    return new Table(
        "教师培训达标人数（截至" + period.to() + "，" + t.schoolYear() + t.term() + "）",
        List.of(
            "老师（含心理老师）", "本学年参加培训≥" + t.yearTarget() + "次", "本学期参加全员培训≥" + t.termTarget() + "次"),
        rows,
        true,
        false);
  }

  /**
   * The shares of teachers who reached each target. A share with the total gives away both the
   * reached and the not-reached count, so it is shown only when both could be.
   */
  private static Table share(EventFigures.Training t) {
    return new Table(
        "教师培训达标比例",
        List.of("目标", "达标比例"),
        List.of(
            shareRow("本学年培训（目标" + t.yearTarget() + "次）", t.reachedYear(), t.staff()),
            shareRow("本学期全员培训（目标" + t.termTarget() + "次）", t.reachedTerm(), t.staff())),
        false,
        false);
  }

  private static Table.Row shareRow(String label, long reached, long staff) {
    return Table.Row.of(
        label, Table.measure(Percent.of(reached, staff), Math.min(reached, staff - reached)));
  }
}
