package org.xinqiao.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The check-in results their owners chose to share (分享), as other features may show them: which
 * check-in, when, the band. Never the answers: those are on the check-in console's own page for a
 * shared result, where counselors read them. A result that was not shared is never found here.
 */
@Service
public class SharedResults {

  /**
   * A shared result without its answers.
   *
   * @param person the owner as a pseudonym ({@code p<id>})
   * @param worrying the band is one the check-in marks as worth a counselor's attention
   */
  public record Summary(
      long id, String person, String title, Instant takenAt, String band, boolean worrying) {

    /** The page where a counselor reads the shared answers (audited there). */
    public String href() {
      return "/console/checkins/shared/" + id;
    }
  }

  private final ResultRepository results;
  private final CheckinCatalog catalog;

  SharedResults(ResultRepository results, CheckinCatalog catalog) {
    this.results = results;
    this.catalog = catalog;
  }

  /** The result, if it exists and its owner shared it. */
  public Optional<Summary> find(long resultId) {
    return results.find(resultId).filter(r -> r.sharedAt() != null).map(this::summary);
  }

  /** What one person shared, newest first. */
  public List<Summary> sharedBy(long personId) {
    return results.sharedBy(personId).stream().map(this::summary).toList();
  }

  private Summary summary(Result r) {
    String title = catalog.find(r.checkinId()).map(Checkin::title).orElse(r.checkinId());
    return new Summary(r.id(), "p" + r.personId(), title, r.takenAt(), r.bandLabel(), r.worrying());
  }
}
