package org.xinqiao.casework;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pseudonymous label of a case: an optional class and the pupil's initials in Latin letters,
 * e.g. "三(2)班 ZX" or "ZX". The rule is deliberately simple: Chinese characters are accepted only in
 * the class part, so a full name in Chinese ("王小明") is refused; a name typed in pinyin in full is
 * refused by the 1–4 letter limit. It cannot catch everything, and the page says so.
 */
final class CaseLabel {

  private static final Pattern LABEL =
      Pattern.compile(
          "^(?:[一二三四五六1-6]\\s*(?:年级)?\\s*[(（]?\\s*\\d{1,2}\\s*[)）]?\\s*班?\\s*)?[A-Za-z]{1,4}$");

  private CaseLabel() {}

  /** The label as stored (trimmed, initials upper-case), or empty when refused. */
  static Optional<String> of(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String t = raw.strip().replaceAll("\\s+", " ");
    if (t.isEmpty() || t.length() > 20 || !LABEL.matcher(t).matches()) {
      return Optional.empty();
    }
    return Optional.of(t.toUpperCase(java.util.Locale.ROOT));
  }
}
