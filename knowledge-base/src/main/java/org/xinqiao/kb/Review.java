package org.xinqiao.kb;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who last reviewed an entry or article, and when: the front matter's {@code reviewed} block.
 *
 * <pre>
 * reviewed:
 *   on: 2026-12-02        (the older name {@code date} is still read)
 *   by: 张老师             (required when role is counselor)
 *   role: counselor       (or content-author: written, not yet signed off)
 * </pre>
 *
 * Only a {@value #COUNSELOR} review is a sign-off: with {@code xinqiao.kb.require-review=true} the
 * bot serves nothing else.
 */
public record Review(LocalDate on, String by, String role) {
  public static final String COUNSELOR = "counselor";
  public static final String CONTENT_AUTHOR = "content-author";
  static final String KEY = "reviewed";
  private static final Set<String> ROLES = Set.of(COUNSELOR, CONTENT_AUTHOR);
  private static final Set<String> FIELDS = Set.of("on", "date", "by", "role");

  /** True when a school counselor signed it off. */
  public boolean signedOff() {
    return COUNSELOR.equals(role);
  }

  /** The {@code reviewed} block of a file, or empty after adding what is wrong with it. */
  public static Optional<Review> read(FrontMatter fm, List<ContentError> errors) {
    if (!(fm.get(KEY) instanceof Map<?, ?> reviewed)) {
      errors.add(fm.error(KEY, "missing required field 'reviewed' (on, by and role)"));
      return Optional.empty();
    }
    int before = errors.size();
    for (Object key : reviewed.keySet()) {
      if (!FIELDS.contains(name(key))) {
        errors.add(fm.error(KEY, "reviewed has an unknown field '" + key + "' (use on, by, role)"));
      }
    }
    Object when =
        reviewed.containsKey(Boolean.TRUE)
            ? reviewed.get(Boolean.TRUE)
            : reviewed.containsKey("on") ? reviewed.get("on") : reviewed.get("date");
    LocalDate on = date(when);
    if (on == null) {
      errors.add(fm.error(KEY, "reviewed.on (or reviewed.date) must be a date like 2026-11-29"));
    }
    String role = text(reviewed.get("role"));
    if (role == null) {
      errors.add(fm.error(KEY, "reviewed.role is missing (counselor or content-author)"));
    } else if (!ROLES.contains(role)) {
      errors.add(fm.error(KEY, "reviewed.role must be counselor or content-author, not " + role));
    }
    String by = text(reviewed.get("by"));
    if (by == null && COUNSELOR.equals(role)) {
      errors.add(fm.error(KEY, "reviewed.by must name the counselor who signed it off"));
    }
    if (by != null && by.codePointCount(0, by.length()) > 40) {
      errors.add(fm.error(KEY, "reviewed.by is longer than 40 characters"));
    }
    return errors.size() > before ? Optional.empty() : Optional.of(new Review(on, by, role));
  }

  /** YAML 1.1 reads a bare {@code on:} key as the boolean true. */
  private static String name(Object key) {
    return Boolean.TRUE.equals(key) ? "on" : String.valueOf(key);
  }

  private static String text(Object value) {
    if (value == null || value instanceof Map || value instanceof List) {
      return null;
    }
    String s = value.toString().strip();
    return s.isEmpty() ? null : s;
  }

  private static LocalDate date(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    if (value instanceof String text) {
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }
}
