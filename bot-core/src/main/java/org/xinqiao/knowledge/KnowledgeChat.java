package org.xinqiao.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ActiveDialogs;
import org.xinqiao.conversation.DialogHandler;
import org.xinqiao.conversation.KnowledgeAnswerer;
import org.xinqiao.conversation.Turn;
import org.xinqiao.kb.Audience;
import org.xinqiao.kb.Entry;
import org.xinqiao.kb.Hit;
import org.xinqiao.kb.KnowledgeBase;
import org.xinqiao.kb.SearchResult;

/**
 * Answers free-text questions in the chat: the short answer with numbered follow-ups (the steps,
 * related topics), a choice when two entries are equally likely, a pointer to the class teacher or
 * school office for school-administration questions, and an honest "I don't know" with the topic
 * list and the counselor otherwise. Parents are never shown or offered teacher-only entries. The
 * numbers stay valid for the next message.
 */
@Component
class KnowledgeChat implements KnowledgeAnswerer, DialogHandler {

  static final String DIALOG = "kb";

  private final KnowledgeLibrary library;
  private final KnowledgeGaps gaps;
  private final ActiveDialogs dialogs;
  private final KnowledgeReplies replies;

  KnowledgeChat(
      KnowledgeLibrary library,
      KnowledgeGaps gaps,
      ActiveDialogs dialogs,
      KnowledgeReplies replies) {
    this.library = library;
    this.gaps = gaps;
    this.dialogs = dialogs;
    this.replies = replies;
  }

  @Override
  public String name() {
    return DIALOG;
  }

  @Override
  public OutboundReply answer(Turn turn) {
    KnowledgeBase kb = library.knowledgeBase();
    SearchResult result = kb.search(turn.text(), Readers.of(turn.person().role()));
    List<Hit> hits = result.hits();
    switch (result.verdict()) {
      case SCHOOL_ADMIN -> {
        // Not a gap in the content: the school office answers these, so say where to ask.
        dialogs.end(turn.person());
        return OutboundReply.text(replies.schoolAdmin());
      }
      case ANSWER -> {
        Optional<Entry> entry = kb.entry(hits.get(0).id());
        if (entry.isPresent()) {
          gaps.count("ANSWER", entry.get().title());
          return showEntry(turn, entry.get());
        }
      }
      case CHOOSE -> {
        gaps.record(turn.text(), "CHOOSE", hits);
        Map<Integer, String> options = new LinkedHashMap<>();
        List<String> titles = new ArrayList<>();
        for (Hit hit : hits.subList(0, Math.min(2, hits.size()))) {
          options.put(options.size() + 1, "entry:" + hit.id());
          titles.add(hit.title());
        }
        remember(turn, options);
        return OutboundReply.text(replies.choose(titles));
      }
      default -> {}
    }
    gaps.record(turn.text(), "NONE", hits);
    dialogs.end(turn.person());
    return OutboundReply.text(replies.noAnswer());
  }

  /** Shows an entry's short answer and offers its steps and related topics by number. */
  OutboundReply showEntry(Turn turn, Entry entry) {
    KnowledgeBase kb = library.knowledgeBase();
    Map<Integer, String> options = new LinkedHashMap<>();
    options.put(1, "steps:" + entry.id());
    List<String> relatedTitles = new ArrayList<>();
    Audience reader = Readers.of(turn.person().role());
    for (String id : entry.related()) {
      if (options.size() >= 3) {
        break;
      }
      kb.entry(id)
          .filter(r -> r.audience().suits(reader))
          .ifPresent(
              r -> {
                options.put(options.size() + 1, "entry:" + r.id());
                relatedTitles.add(r.title());
              });
    }
    remember(turn, options);
    return OutboundReply.text(replies.answer(entry, relatedTitles));
  }

  @Override
  public OutboundReply continueWith(Turn turn, String state) {
    Map<Integer, String> options = decode(state);
    String choice = options.get(number(turn.text()));
    if (choice == null) {
      return OutboundReply.none();
    }
    String id = choice.substring(choice.indexOf(':') + 1);
    Optional<Entry> entry = library.knowledgeBase().entry(id);
    if (entry.isEmpty()) {
      dialogs.end(turn.person());
      return OutboundReply.none();
    }
    if (choice.startsWith("steps:")) {
      KnowledgeReplies.Steps steps = replies.steps(entry.get());
      if (steps.helpFollows()) {
        remember(turn, Map.of(1, "help:" + id));
      } else {
        dialogs.end(turn.person());
      }
      return OutboundReply.text(steps.text());
    }
    if (choice.startsWith("help:")) {
      dialogs.end(turn.person());
      return OutboundReply.text(replies.whenToSeekHelp(entry.get()));
    }
    return showEntry(turn, entry.get());
  }

  private void remember(Turn turn, Map<Integer, String> options) {
    dialogs.start(turn.person(), DIALOG, encode(options));
  }

  /** The numbered choices as the dialog's state string: {@code 1=steps:id|2=entry:id|}. */
  static String encode(Map<Integer, String> options) {
    StringBuilder state = new StringBuilder();
    options.forEach((n, v) -> state.append(n).append('=').append(v).append('|'));
    return state.toString();
  }

  private static Map<Integer, String> decode(String state) {
    Map<Integer, String> options = new LinkedHashMap<>();
    for (String part : state.split("\\|")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        try {
          options.put(Integer.parseInt(part.substring(0, eq)), part.substring(eq + 1));
        } catch (NumberFormatException ignored) {
          // a damaged state entry is skipped, the rest still works
        }
      }
    }
    return options;
  }

  /** "1", "１", "1。", "第1个" all mean option 1; anything else is not a choice. */
  static int number(String text) {
    String t = text.strip().replaceAll("[。.、!！）)]$", "");
    t = t.replaceAll("^第\\s*(\\d)\\s*[个条项]?$", "$1");
    StringBuilder ascii = new StringBuilder();
    for (char c : t.toCharArray()) {
      ascii.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c);
    }
    return ascii.toString().matches("\\d{1,2}") ? Integer.parseInt(ascii.toString()) : -1;
  }
}
