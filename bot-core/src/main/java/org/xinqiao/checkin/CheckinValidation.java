package org.xinqiao.checkin;

import java.nio.file.Path;
import java.util.List;
import org.xinqiao.kb.ContentError;
import org.xinqiao.kb.ContentException;

/**
 * Checks the check-in files a start would load, without starting: {@code kb validate} runs it so a
 * school can test a file before dropping it into the running bot's folder.
 */
public final class CheckinValidation {

  private CheckinValidation() {}

  /** Every problem in the packaged check-ins and those under {@code contentDir/checkins/}. */
  public static List<ContentError> validate(Path contentDir) {
    try {
      CheckinCatalog.load(CheckinCatalog.files(contentDir));
      return List.of();
    } catch (ContentException e) {
      return e.errors();
    }
  }
}
