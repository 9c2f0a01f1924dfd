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

  record Steps(String text, boolean helpFollows) {}

  String answer(Entry entry, List<String> relatedTitles) {
    StringBuilder s = new StringBuilder();
    s.append("【").append(entry.title()).append("】\n").append(entry.shortAnswer().strip());
    s.append("\n\n回复 1 看具体可以怎么做");
    for (int i = 0; i < relatedTitles.size(); i++) {
      s.append("\n回复 ").append(i + 2).append(" ").append(relatedTitles.get(i));
    }
    return fit(s.toString());
  }

  Steps steps(Entry entry) {
    String steps = "【" + entry.title() + "·可以这样做】\n" + entry.steps().strip();
    String withHelp = steps + "\n\n【什么时候需要寻求帮助】\n" + entry.whenToSeekHelp().strip();
    if (bytes(withHelp) <= MAX_BYTES) {
      return new Steps(withHelp, false);
    }
    return new Steps(fit(steps + "\n\n回复 1 看什么时候需要寻求帮助"), true);
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

  /** Cuts at a character boundary so the text fits one message. */
  static String fit(String text) {
    if (bytes(text) <= MAX_BYTES) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int used = bytes("……");
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > MAX_BYTES) {
        break;
      }
      out.appendCodePoint(cp);
      used += size;
      i += Character.charCount(cp);
    }
    return out.append("……").toString();
  }
}
