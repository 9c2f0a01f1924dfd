package org.xinqiao.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.xinqiao.conversation.Texts;
import org.xinqiao.kb.Entry;

/** Turns entries into WeChat-sized texts (a text message carries at most 2,048 bytes). */
@Component
class KnowledgeReplies {

  /** Leaves room under WeChat's 2,048-byte limit for the envelope. */
  static final int MAX_BYTES = 2000;

  private final Texts texts;

  KnowledgeReplies(Texts texts) {
    this.texts = texts;
  }

  /** The steps; when they and the help section do not fit one message, help follows by number. */
  record Steps(String text, boolean helpFollows) {}

  /** A follow-up offered under its number. */
  record Numbered(int number, String title) {}

  String answer(Entry entry, int stepsNumber, List<Numbered> related) {
    StringBuilder s = new StringBuilder();
    s.append("【").append(entry.title()).append("】\n").append(entry.shortAnswer().strip());
    StringBuilder footer = new StringBuilder("\n\n回复 " + stepsNumber + " 看具体可以怎么做");
    for (Numbered r : related) {
      footer.append("\n回复 ").append(r.number()).append(" ").append(r.title());
    }
    // the numbers must survive a cut: shorten the answer, never the footer
    return fit(s.toString(), footer.toString());
  }

  Steps steps(Entry entry) {
    String steps = "【" + entry.title() + "·可以这样做】\n" + entry.steps().strip();
    String withHelp = steps + "\n\n【什么时候需要寻求帮助】\n" + entry.whenToSeekHelp().strip();
    if (bytes(withHelp) <= MAX_BYTES) {
      return new Steps(withHelp, false);
    }
    return new Steps(steps, true);
  }

  String stepsWithHelpAt(Steps steps, int number) {
    return fit(steps.text(), "\n\n回复 " + number + " 看什么时候需要寻求帮助");
  }

  String numberExpired() {
    return texts.get("kb-number-expired");
  }

  String numberUnknown(int number, String valid) {
    return texts.format("kb-number-unknown", Map.of("number", number, "numbers", valid));
  }

  String whenToSeekHelp(Entry entry) {
    return fit("【什么时候需要寻求帮助】\n" + entry.whenToSeekHelp().strip());
  }

  String choose(List<String> titles) {
    StringBuilder options = new StringBuilder();
    for (int i = 0; i < titles.size(); i++) {
      options.append(i + 1).append(". ").append(titles.get(i)).append('\n');
    }
    return texts.format("kb-choose", Map.of("options", options.toString().strip()));
  }

  String schoolAdmin() {
    return texts.get("kb-school-admin");
  }

  String noAnswer() {
    return texts.get("kb-no-answer");
  }

  static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** {@code text} cut so that it and {@code tail} fit one message together. */
  static String fit(String text, String tail) {
    return fit(text, MAX_BYTES - bytes(tail)) + tail;
  }

  /** Cuts at a character boundary so the text fits one message. */
  static String fit(String text) {
    return fit(text, MAX_BYTES);
  }

  private static String fit(String text, int maxBytes) {
    if (bytes(text) <= maxBytes) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int used = bytes("……");
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > maxBytes) {
        break;
      }
      out.appendCodePoint(cp);
      used += size;
      i += Character.charCount(cp);
    }
    return out.append("……").toString();
  }
}
