package org.xinqiao.kb;

import java.text.Normalizer;
import java.util.Locale;
import org.xinqiao.semantic.Simplified;

/**
 * Folds full-width forms, case and Traditional characters so that 'ＡＤＨＤ', 'ADHD' and 'adhd', or
 * 孩子不想上學 and 孩子不想上学, look alike. Entries and questions both pass through it before analysis.
 */
final class TextNormalizer {
  /** Longer messages are cut: a question never needs more, and this bounds analysis cost. */
  static final int MAX_QUESTION_CHARS = 500;

  private TextNormalizer() {}

  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    return Simplified.of(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
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
