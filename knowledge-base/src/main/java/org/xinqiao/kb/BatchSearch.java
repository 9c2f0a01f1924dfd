package org.xinqiao.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Batch search for evaluation and support: one question per input line, one JSON object per output
 * line, e.g. {@code {"q": "...", "answered": true, "hits": [{"id": "...", "score": 0.93}, ...]}}.
 * Hits are best first and there are at least three even when nothing was answered.
 */
public final class BatchSearch {
  private BatchSearch() {}

  public static void run(KnowledgeBase kb, Reader in, Writer out) {
    run(kb, Audience.BOTH, in, out);
  }

  /** As {@link #run(KnowledgeBase, Reader, Writer)}, every question asked by {@code reader}. */
  public static void run(KnowledgeBase kb, Audience reader, Reader in, Writer out) {
    BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
    try {
      String line;
      while ((line = lines.readLine()) != null) {
        out.write(toJson(line, kb.search(line, reader)));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String toJson(String question, SearchResult result) {
    StringBuilder json = new StringBuilder(128);
    json.append("{\"q\": ");
    quote(question, json);
    json.append(", \"answered\": ").append(result.answered());
    json.append(", \"verdict\": \"").append(result.verdict().name().toLowerCase(Locale.ROOT));
    json.append("\", \"hits\": [");
    for (int i = 0; i < result.hits().size(); i++) {
      Hit hit = result.hits().get(i);
      json.append(i == 0 ? "" : ", ").append("{\"id\": ");
      quote(hit.id(), json);
      json.append(", \"score\": ").append(String.format(Locale.ROOT, "%.3f", hit.score()));
      json.append('}');
    }
    return json.append("]}").toString();
  }

  /** JSON string escaping per RFC 8259; non-ASCII (Chinese, emoji) passes through as UTF-16. */
  static void quote(String text, StringBuilder json) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        default -> {
          if (c < 0x20
              || c == 0x2028
              || c == 0x2029
              || Character.isSurrogate(c) && !paired(text, i)) {
            json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }

  /** A lone surrogate would make the output invalid UTF-8, so it is escaped instead. */
  private static boolean paired(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
