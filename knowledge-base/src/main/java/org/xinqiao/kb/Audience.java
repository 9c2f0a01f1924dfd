package org.xinqiao.kb;

import java.util.Locale;
import java.util.Optional;

/** Who an entry or article is written for. */
public enum Audience {
  PARENT,
  TEACHER,
  BOTH;

  /** Parses the front-matter spelling ({@code parent}, {@code teacher}, {@code both}). */
  public static Optional<Audience> parse(Object value) {
    if (!(value instanceof String text)) {
      return Optional.empty();
    }
    for (Audience audience : values()) {
      if (audience.name().toLowerCase(Locale.ROOT).equals(text.trim())) {
        return Optional.of(audience);
      }
    }
    return Optional.empty();
  }

  /** True if content for this audience suits a reader of {@code reader}. */
  public boolean suits(Audience reader) {
    return this == BOTH || reader == BOTH || this == reader;
  }
}
