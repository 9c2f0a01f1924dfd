package org.xinqiao.report;

import java.time.Instant;
import java.util.List;

/** A finished report: only disclosure-controlled tables, ready for the page, the PDF and CSV. */
public record Report(
    String title, ReportPeriod period, Instant generatedAt, List<Section> sections) {

  /** A heading and its tables. */
  public record Section(String title, List<Disclosure.Shown> tables) {}
}
