package org.xinqiao.checkin;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the semester report may know of check-ins: per check-in, how many complete results were
 * taken in a period and by how many people, and where each person's latest result of the period
 * fell, band by band (the counselors' aggregate rules). Counts only, never who or what they
 * answered; the report suppresses small ones. Built from a {@link JdbcClient} and the configuration
 * so the command-line report (no server) reads the same check-ins as the console.
 */
public final class CheckinFigures {

  /** One check-in in the period: complete results, people, and people per band. */
  public record Of(String title, long completed, long people, List<Band> bands) {}

  /** A band's label and how many people's latest result fell into it. */
  public record Band(String label, long people) {}

  private final ResultRepository results;
  private final List<Checkin> checkins;

  CheckinFigures(ResultRepository results, List<Checkin> checkins) {
    this.results = results;
    this.checkins = checkins;
  }

  /** The check-ins on offer: packaged, plus those in {@code xinqiao.kb.content-dir} when set. */
  public static CheckinFigures from(JdbcClient jdbc, Environment environment) {
    Path contentDir =
        Binder.get(environment).bind("xinqiao.kb.content-dir", Path.class).orElse(null);
    return new CheckinFigures(
        new ResultRepository(jdbc), CheckinCatalog.load(CheckinCatalog.files(contentDir)));
  }

  /** Every check-in on offer, for results taken in [from, to). */
  public List<Of> in(Instant from, Instant to) {
    List<Result> taken = results.completeBetween(from, to);
    List<Of> figures = new ArrayList<>();
    for (Checkin c : checkins) {
      List<Result> these = taken.stream().filter(r -> r.checkinId().equals(c.id())).toList();
      Collection<Result> latest = Aggregates.latestOfEach(these);
      int[] counts = Aggregates.bandCounts(c, latest);
      List<Band> bands = new ArrayList<>();
      for (int b = 0; b < counts.length; b++) {
        bands.add(new Band(c.bands().get(b).label(), counts[b]));
      }
      figures.add(new Of(c.title(), these.size(), latest.size(), bands));
    }
    return figures;
  }
}
