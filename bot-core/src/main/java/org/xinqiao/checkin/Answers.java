package org.xinqiao.checkin;

import java.util.OptionalInt;

/** Reads a reply to one item: the option's number (half or full width) or its exact words. */
final class Answers {

  /** A free-text item's answer: its words stay in the message log, never in the result. */
  static final int FREE_TEXT = -1;

  private Answers() {}

  static OptionalInt read(Checkin.Item item, String reply) {
    String t = normalise(reply);
    if (item.freeText()) {
      return t.isEmpty() ? OptionalInt.empty() : OptionalInt.of(FREE_TEXT);
    }
    if (t.matches("\\d{1,2}")) {
      int n = Integer.parseInt(t);
      return n >= 1 && n <= item.options().size() ? OptionalInt.of(n - 1) : OptionalInt.empty();
    }
    for (int i = 0; i < item.options().size(); i++) {
      if (normalise(item.options().get(i).text()).equals(t)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** Full-width digits to ASCII, surrounding spaces and trailing punctuation dropped. */
  static String normalise(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.strip().toCharArray()) {
      b.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
    }
    return b.toString().replaceAll("^[\\s.．、]+|[\\s。.!！?？~～、．]+$", "");
  }
}
