package org.xinqiao.report;

import java.util.ArrayList;
import java.util.List;
import org.xinqiao.checkin.CheckinFigures;

/**
 * Wellbeing check-ins taken in the period: participation per check-in (complete results only), and
 * for each check-in where the people's latest result of the period fell, band by band.
 */
final class CheckinSection implements ReportSection {

  private final CheckinFigures figures;

  CheckinSection(CheckinFigures figures) {
    this.figures = figures;
  }

  @Override
  public String title() {
    return "心情自评";
  }

  @Override
  public List<Table> tables(ReportPeriod period) {
    List<CheckinFigures.Of> all = figures.in(period.start(), period.end());
    List<Table.Row> participation = new ArrayList<>();
    long completed = 0;
    long people = 0;
    for (CheckinFigures.Of c : all) {
      completed += c.completed();
      people += c.people();
      participation.add(
          Table.Row.of(c.title(), Table.count(c.completed()), Table.count(c.people())));
    }
    participation.add(Table.Row.of("合计", Table.count(completed), Table.count(people)));
    List<Table> tables = new ArrayList<>();
    tables.add(
        new Table(
            "参与情况（完成的自评；一人做多种自评分别计）", List.of("自评", "完成次数", "参与人数"), participation, true, true));
    for (CheckinFigures.Of c : all) {
      List<Table.Row> bands = new ArrayList<>();
      for (CheckinFigures.Band b : c.bands()) {
        bands.add(Table.Row.of(b.label(), Table.count(b.people())));
      }
      bands.add(Table.Row.of("合计", Table.count(c.people())));
      tables.add(new Table(c.title() + "：结果分布（每人取本期最后一次）", List.of("结果", "人数"), bands, true, true));
    }
    return tables;
  }
}
