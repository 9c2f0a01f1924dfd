package org.xinqiao.safety;

import java.text.Normalizer;
import java.util.Locale;
import org.xinqiao.semantic.Simplified;

/**
 * Brings a message to one canonical form before any rule looks at it, so that evasions and typing
 * habits do not hide risk: full/half width, case, accents on pinyin, Traditional to Simplified, and
 * everything between the characters (spaces, punctuation, zero-width, emoji joiners) removed, so "想
 * 死", "想。死" and "想_死" all read "想死". Runs of three or more equal characters shrink to one ("死死死" ->
 * "死"). Emoji are kept: the alias file maps them to words.
 */
final class TextNormalizer {

  private TextNormalizer() {}

  static String normalize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(s.length());
    int last = -1;
    int run = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isBetweenCharacters(cp)) {
        continue;
      }
      cp = Simplified.simplify(cp);
      run = cp == last ? run + 1 : 1;
      last = cp;
      if (run >= 3 && !Character.isDigit(cp)) {
        if (run == 3) { // "死死死": keep a single one
          out.setLength(out.length() - Character.charCount(cp));
        }
        continue;
      }
      out.appendCodePoint(cp);
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  private static boolean isBetweenCharacters(int cp) {
    return switch (Character.getType(cp)) {
      case Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.CONTROL,
          Character.FORMAT,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.CURRENCY_SYMBOL ->
          true;
      default -> false;
    };
  }
}
