package org.xinqiao.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * The clauses of a message, read one by one beside the whole. A parent's long message about a
 * school day with one line of what the child said ("…她说“我不想活了”…") is one vector in which the risky
 * clause is diluted by everything ordinary around it; the same clause alone is close to the risky
 * exemplars. Cut at punctuation, at quotation marks (reported speech is the usual place of the
 * risky words) and at spaces between Chinese characters (many parents type spaces instead of
 * commas). A space between Latin words is not a cut: an English sentence stays whole.
 */
final class Clauses {

  /**
   * Pieces shorter than this (in characters) join a neighbour: "好的", "老师" or "然后" alone say nothing
   * and would only add noise, while "不想活了" (4) must stand on its own.
   */
  static final int SHORTEST = 4;

  /**
   * At most this many clauses are read per message: each costs one embedding and one search, and a
   * voice message of twenty short pieces is still read in six windows of neighbouring pieces.
   */
  static final int MOST = 6;

  private Clauses() {}

  /**
   * The clauses of {@code text}, or an empty list when it has only one (the whole is then its only
   * clause and nothing more is read).
   */
  static List<String> of(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    int[] cps = text.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      if (isCut(cps, i) || (Character.isWhitespace(cp) && betweenHan(cps, i))) {
        add(pieces, piece);
      } else {
        piece.appendCodePoint(cp);
      }
    }
    add(pieces, piece);
    List<String> joined = joinShort(pieces);
    while (joined.size() > MOST) {
      joined = joinClosestPair(joined);
    }
    return joined.size() < 2 ? List.of() : List.copyOf(joined);
  }

  private static void add(List<String> pieces, StringBuilder piece) {
    String p = piece.toString().strip();
    if (!p.isEmpty()) {
      pieces.add(p);
    }
    piece.setLength(0);
  }

  /**
   * Short pieces gather with the pieces after them until they are long enough; what is left at the
   * end joins the last clause.
   */
  private static List<String> joinShort(List<String> pieces) {
    List<String> out = new ArrayList<>();
    String pending = "";
    for (String p : pieces) {
      pending = pending.isEmpty() ? p : pending + "，" + p;
      if (length(pending) >= SHORTEST) {
        out.add(pending);
        pending = "";
      }
    }
    if (!pending.isEmpty()) {
      if (out.isEmpty()) {
        out.add(pending);
      } else {
        out.set(out.size() - 1, out.get(out.size() - 1) + "，" + pending);
      }
    }
    return out;
  }

  /** Joins the two neighbouring clauses that are shortest together. */
  private static List<String> joinClosestPair(List<String> clauses) {
    int best = 0;
    for (int i = 1; i + 1 < clauses.size(); i++) {
      if (length(clauses.get(i)) + length(clauses.get(i + 1))
          < length(clauses.get(best)) + length(clauses.get(best + 1))) {
        best = i;
      }
    }
    List<String> out = new ArrayList<>(clauses.subList(0, best));
    out.add(clauses.get(best) + "，" + clauses.get(best + 1));
    out.addAll(clauses.subList(best + 2, clauses.size()));
    return out;
  }

  private static int length(String s) {
    return (int) s.codePoints().filter(Character::isLetterOrDigit).count();
  }

  private static boolean isCut(int[] cps, int i) {
    return switch (cps[i]) {
      case '，',
          '。',
          '！',
          '？',
          '；',
          '、',
          '…',
          '：',
          '～',
          '~',
          ',',
          '!',
          '?',
          ';',
          ':',
          '\n',
          '\r',
          '“',
          '”',
          '「',
          '」',
          '『',
          '』',
          '"',
          '《',
          '》',
          '（',
          '）',
          '(',
          ')',
          '【',
          '】' ->
          true;
      // a full stop between digits is a decimal point ("3.5分"), elsewhere it ends a sentence
      case '.' -> !(i > 0 && i + 1 < cps.length && isDigit(cps[i - 1]) && isDigit(cps[i + 1]));
      default -> false;
    };
  }

  private static boolean isDigit(int cp) {
    return cp >= '0' && cp <= '9';
  }

  /** Whether the whitespace at {@code i} sits between two Chinese characters (skipping spaces). */
  private static boolean betweenHan(int[] cps, int i) {
    int before = i - 1;
    while (before >= 0 && Character.isWhitespace(cps[before])) {
      before--;
    }
    int after = i + 1;
    while (after < cps.length && Character.isWhitespace(cps[after])) {
      after++;
    }
    return before >= 0 && after < cps.length && isHan(cps[before]) && isHan(cps[after]);
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}
