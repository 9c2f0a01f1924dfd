package org.xinqiao.kb;

/** One problem found in the content, pointing at the file and (1-based) line to fix. */
public record ContentError(String file, int line, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
