package org.xinqiao.semantic;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional to Simplified Chinese, character by character (結束 -> 结束). ICU's transliterator is
 * asked once for the whole CJK block; the answer is kept as an immutable table, which is fast and
 * thread-safe. Shared by safety (before its rules), search and the embedder, so that a message in
 * Traditional characters is read like the same message in Simplified ones.
 */
public final class Simplified {
  private static final int FIRST = 0x3400;
  private static final int LAST = 0x9FFF;
  private static final char[] TABLE = build();

  private Simplified() {}

  /** The Simplified form of one code point, or the code point itself. */
  public static int simplify(int cp) {
    if (cp < FIRST || cp > LAST) {
      return cp;
    }
    char mapped = TABLE[cp - FIRST];
    return mapped == 0 ? cp : mapped;
  }

  /** The whole text with every Traditional character replaced by its Simplified form. */
  public static String of(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> out.appendCodePoint(simplify(cp)));
    return out.toString();
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
