package org.xinqiao.event;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Check-in codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), easy to read
 * off a screen and type on a phone; stored upper case, typed in any case.
 */
final class CheckinCodes {

  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  static final int LENGTH = 6;

  private CheckinCodes() {}

  static String fresh() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** What a person typed, as stored: upper case, spaces and dashes dropped. */
  static String normalise(String typed) {
    return typed.replaceAll("[\\s\\-—_]+", "").toUpperCase(Locale.ROOT);
  }
}
