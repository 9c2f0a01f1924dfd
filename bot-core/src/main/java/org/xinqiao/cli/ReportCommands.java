package org.xinqiao.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.dao.DataAccessException;
import org.xinqiao.report.DataAudit;
import org.xinqiao.report.Report;
import org.xinqiao.report.ReportFont;
import org.xinqiao.report.ReportPdf;
import org.xinqiao.report.ReportPeriod;
import org.xinqiao.report.SemesterReport;
import org.xinqiao.store.ExistingDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reports written straight from the configured database ({@code xinqiao.db.*} from environment
 * variables or {@code -D} properties; embedded default {@code ./data}), without the server.
 */
@Command(
    name = "report",
    description = "Reports from the configured database, written as PDF.",
    subcommands = {ReportCommands.Semester.class, ReportCommands.Audit.class})
final class ReportCommands {

  static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Shanghai");

  /** Options and error handling both reports share. */
  abstract static class PdfCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "the PDF file to write")
    Path out;

    abstract Report build(ExistingDatabase db, StandardEnvironment environment);

    @Override
    public Integer call() throws IOException {
      System.setProperty("java.awt.headless", "true");
      StandardEnvironment environment = new StandardEnvironment();
      try (ExistingDatabase db = ExistingDatabase.open(environment)) {
        Report report = build(db, environment);
        ReportFont font = ReportFont.locate(environment.getProperty(ReportFont.SETTING));
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (OutputStream file = Files.newOutputStream(partial)) {
          new ReportPdf(font).write(report, file);
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Wrote " + target);
        return 0;
      } catch (IllegalStateException | IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      } catch (DataAccessException e) {
        System.err.println(
            "The database could not be read for the report; has the server migrated it with this"
                + " version? ("
                + e.getMostSpecificCause().getMessage()
                + ")");
        return 2;
      }
    }
  }

  @Command(name = "semester", description = "The semester report for a date range.")
  static final class Semester extends PdfCommand {
    @Option(names = "--from", required = true, description = "first day, YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--to", required = true, description = "last day, YYYY-MM-DD")
    LocalDate to;

    @Override
    Report build(ExistingDatabase db, StandardEnvironment environment) {
      return SemesterReport.sections(db.jdbc(), environment)
          .build(new ReportPeriod(from, to, SCHOOL_ZONE), Clock.system(SCHOOL_ZONE));
    }
  }

  @Command(name = "audit", description = "The yearly minors'-data audit.")
  static final class Audit extends PdfCommand {
    @Option(names = "--year", required = true, description = "the calendar year, YYYY")
    int year;

    @Override
    Report build(ExistingDatabase db, StandardEnvironment environment) {
      if (year < 2000 || year > 9999) {
        throw new IllegalArgumentException("--year must be a four-digit year");
      }
      return new DataAudit(db.jdbc()).build(year, SCHOOL_ZONE, Clock.system(SCHOOL_ZONE));
    }
  }
}
