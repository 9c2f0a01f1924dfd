package org.xinqiao.kb;

import java.util.Objects;

/**
 * One content file as text, wherever it came from (a directory, the classpath, an upload). {@code
 * name} is the file name used in error messages and checked against the entry id, e.g. {@code
 * school-refusal.md}.
 */
public record ContentFile(String name, String text) {
  public ContentFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }
}
