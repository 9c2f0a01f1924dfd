package org.xinqiao.kb;

import java.text.Normalizer;
import java.util.Locale;

/** Folds full-width forms and case so that 'ＡＤＨＤ', 'ADHD' and 'adhd' look alike. */
final class TextNormalizer {
  /** Longer messages are cut: a question never needs more, and this bounds analysis cost. */
  static final int MAX_QUESTION_CHARS = 500;

  private TextNormalizer() {}

  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  /** Normalised, capped user input, safe for any string including emoji and control characters. */
  static String question(String text) {
    String normal = normalize(text);
    if (normal.length() > MAX_QUESTION_CHARS) {
      int end = MAX_QUESTION_CHARS;
      if (Character.isHighSurrogate(normal.charAt(end - 1))) {
        end--;
      }
      normal = normal.substring(0, end);
    }
    return normal;
  }
}
