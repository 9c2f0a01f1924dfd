package org.xinqiao.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offline check for counselors and rule authors. {@link #run}: one message per input line, one JSON
 * object per output line, {"text": "...", "level": "high", "categories": ["suicide"], "ask": false,
 * "why": [{"layer": "rule", "ref": "s.want-die", "score": 1.0}]}. {@link #conversations}: one
 * {"messages": ["...", "..."]} per line; the answer is about the last message, with the earlier
 * ones as its context. Runs without Spring.
 */
public final class SafetyBatch {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SafetyBatch() {}

  public static void run(RiskAssessor assessor, Reader in, Writer out) throws IOException {
    BufferedReader lines = new BufferedReader(in);
    for (String line; (line = lines.readLine()) != null; ) {
      StringBuilder json = new StringBuilder(line.length() + 128);
      json.append("{\"text\": ");
      quote(line, json);
      json.append(", ");
      out.write(describe(assessor.assess(line), json).append("}\n").toString());
    }
    out.flush();
  }

  public static void conversations(RiskAssessor assessor, Reader in, Writer out)
      throws IOException {
    BufferedReader lines = new BufferedReader(in);
    for (String line; (line = lines.readLine()) != null; ) {
      if (line.isBlank()) {
        continue;
      }
      List<String> messages = new ArrayList<>();
      try {
        JsonNode node = JSON.readTree(line).get("messages");
        if (node == null || !node.isArray() || node.isEmpty()) {
          throw new IllegalArgumentException("expected {\"messages\": [\"...\", ...]}");
        }
        node.forEach(m -> messages.add(m.asString()));
      } catch (JacksonException | IllegalArgumentException e) {
        StringBuilder error = new StringBuilder("{\"error\": ");
        quote(e instanceof JacksonException ? "not JSON" : e.getMessage(), error);
        out.write(error.append("}\n").toString());
        continue;
      }
      List<String> earlier = messages.subList(0, messages.size() - 1);
      List<RiskAssessment> earlierAssessed = earlier.stream().map(assessor::assess).toList();
      RiskAssessment last =
          assessor.assess(messages.get(messages.size() - 1), earlierAssessed, earlier);
      out.write(describe(last, new StringBuilder("{")).append("}\n").toString());
    }
    out.flush();
  }

  private static StringBuilder describe(RiskAssessment assessment, StringBuilder json) {
    json.append("\"level\": \"").append(assessment.level().code()).append("\", \"categories\": [");
    Iterator<RiskCategory> it = assessment.categories().iterator();
    while (it.hasNext()) {
      json.append('"').append(it.next().code()).append('"').append(it.hasNext() ? ", " : "");
    }
    json.append("], \"ask\": ").append(assessment.ask()).append(", \"why\": [");
    for (int i = 0; i < assessment.why().size(); i++) {
      Reason r = assessment.why().get(i);
      json.append(i == 0 ? "" : ", ").append("{\"layer\": \"").append(r.layer().code());
      json.append("\", \"ref\": ");
      quote(r.ref(), json);
      json.append(String.format(Locale.ROOT, ", \"score\": %.3f}", r.score()));
    }
    return json.append(']');
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
