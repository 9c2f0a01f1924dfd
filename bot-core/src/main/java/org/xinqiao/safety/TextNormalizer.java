package org.xinqiao.safety;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;

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
      cp = SimplifiedTable.simplify(cp);
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

  /**
   * Traditional to Simplified, character by character. ICU's transliterator is asked once for the
   * whole CJK block; the answer is kept as an immutable table, which is fast and thread-safe.
   */
  private static final class SimplifiedTable {
    private static final int FIRST = 0x3400;
    private static final int LAST = 0x9FFF;
    private static final char[] TABLE = build();

    static int simplify(int cp) {
      if (cp < FIRST || cp > LAST) {
        return cp;
      }
      char mapped = TABLE[cp - FIRST];
      return mapped == 0 ? cp : mapped;
    }

    private static char[] build() {
      Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
      char[] table = new char[LAST - FIRST + 1];
      StringBuilder all = new StringBuilder(table.length);
      for (int cp = FIRST; cp <= LAST; cp++) {
        all.append((char) cp);
      }
      String simplified = t2s.transliterate(all.toString());
      if (simplified.length() == all.length()) {
        for (int i = 0; i < table.length; i++) {
          if (simplified.charAt(i) != all.charAt(i)) {
            table[i] = simplified.charAt(i);
          }
        }
        return table;
      }
      for (int i = 0; i < table.length; i++) { // lengths differ: ask one character at a time
        String one = String.valueOf((char) (FIRST + i));
        String mapped = t2s.transliterate(one);
        if (mapped.length() == 1 && !mapped.equals(one)) {
          table[i] = mapped.charAt(0);
        }
      }
      return table;
    }
  }
}
