package org.xinqiao.kb;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when content cannot be loaded; carries every problem found, not only the first. */
public final class ContentException extends RuntimeException {
  private final List<ContentError> errors;

  public ContentException(List<ContentError> errors) {
    super(
        errors.size()
            + " content error(s):\n"
            + errors.stream().map(ContentError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<ContentError> errors() {
    return errors;
  }
}
