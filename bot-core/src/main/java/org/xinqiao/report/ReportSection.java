package org.xinqiao.report;

import java.util.List;

/**
 * One section of the semester report, from one feature's tables. A feature adds its section by
 * implementing this (in its own package or here, reading its tables through a small query) and
 * listing it in {@link SemesterReport#sections}.
 */
public interface ReportSection {

  /** The section's heading. */
  String title();

  /** The section's raw figures for the period; disclosure control is applied afterwards. */
  List<Table> tables(ReportPeriod period);
}
