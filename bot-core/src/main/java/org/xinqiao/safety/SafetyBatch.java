package org.xinqiao.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Iterator;

/**
 * Offline check for counselors and rule authors: one message per input line, one JSON object per
 * output line, {"text": "...", "level": "high", "categories": ["suicide"]}. Runs without Spring.
 */
public final class SafetyBatch {

  private SafetyBatch() {}

  public static void run(RiskAssessor assessor, Reader in, Writer out) throws IOException {
    BufferedReader lines = new BufferedReader(in);
    for (String line; (line = lines.readLine()) != null; ) {
      RiskAssessment assessment = assessor.assess(line);
      StringBuilder json = new StringBuilder(line.length() + 64);
      json.append("{\"text\": ");
      quote(line, json);
      json.append(", \"level\": \"")
          .append(assessment.level().code())
          .append("\", \"categories\": [");
      Iterator<RiskCategory> it = assessment.categories().iterator();
      while (it.hasNext()) {
        json.append('"').append(it.next().code()).append('"').append(it.hasNext() ? ", " : "");
      }
      out.write(json.append("]}\n").toString());
    }
    out.flush();
  }

  /** RFC 8259 string: quote, backslash and control characters escaped, plus U+2028/U+2029. */
  static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
