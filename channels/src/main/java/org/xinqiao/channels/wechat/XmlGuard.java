package org.xinqiao.channels.wechat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks untrusted XML text before any parser sees it: strict UTF-8, no DTD or entity declaration,
 * and a bounded nesting depth (WxJava's XStream overflows the stack at ~5,000 levels; a real
 * callback is 3 levels deep). A string scan, not a parser, so it cannot itself be attacked.
 */
final class XmlGuard {

  static final int MAX_DEPTH = 64;

  private XmlGuard() {}

  /** Decodes strictly; empty when the bytes are not valid UTF-8. */
  static Optional<String> utf8(byte[] bytes) {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return Optional.of(chars.toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** Null when the text is acceptable, else a short reason. */
  static String problem(String xml) {
    String upper = xml.toUpperCase(Locale.ROOT);
    if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
      return "DTD or entity declaration";
    }
    int depth = 0;
    int i = 0;
    int n = xml.length();
    while (i < n) {
      int lt = xml.indexOf('<', i);
      if (lt < 0 || lt + 1 >= n) {
        break;
      }
      char next = xml.charAt(lt + 1);
      if (xml.startsWith("<![CDATA[", lt)) {
        int end = xml.indexOf("]]>", lt + 9);
        if (end < 0) {
          return "unterminated CDATA";
        }
        i = end + 3;
      } else if (xml.startsWith("<!--", lt)) {
        int end = xml.indexOf("-->", lt + 4);
        if (end < 0) {
          return "unterminated comment";
        }
        i = end + 3;
      } else if (next == '?') {
        int end = xml.indexOf("?>", lt + 2);
        if (end < 0) {
          return "unterminated processing instruction";
        }
        i = end + 2;
      } else if (next == '!') {
        return "markup declaration";
      } else {
        int gt = xml.indexOf('>', lt + 1);
        if (gt < 0) {
          return "unterminated tag";
        }
        if (next == '/') {
          depth--;
        } else if (xml.charAt(gt - 1) != '/') {
          depth++;
          if (depth > MAX_DEPTH) {
            return "nested too deep";
          }
        }
        i = gt + 1;
      }
    }
    return null;
  }
}
