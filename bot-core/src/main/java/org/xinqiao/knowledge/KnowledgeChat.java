package org.xinqiao.knowledge;

import java.util.ArrayList;
import java.util.List;
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
 * list and the counselor otherwise. Parents are never shown or offered teacher-only entries.
 *
 * <p>The numbers offered keep working until the next question ({@link FollowUps}), for as long as a
 * dialog lives in the shared store ({@link ActiveDialogs#TTL}); a number that no longer applies
 * gets a reply saying so, and is never mistaken for a question the knowledge base missed.
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
    if (number(turn.text()) > 0) {
      // a bare number with no follow-ups left: they expired or a later question replaced them
      return OutboundReply.text(replies.numberExpired());
    }
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
          return showEntry(turn, entry.get(), FollowUps.fresh());
        }
      }
      case CHOOSE -> {
        gaps.record(turn.text(), "CHOOSE", hits);
        FollowUps choices = FollowUps.fresh();
        List<String> titles = new ArrayList<>();
        for (Hit hit : hits.subList(0, Math.min(2, hits.size()))) {
          choices.offer("entry:" + hit.id());
          titles.add(hit.title());
        }
        remember(turn, choices);
        return OutboundReply.text(replies.choose(titles));
      }
      default -> {}
    }
    gaps.record(turn.text(), "NONE", hits);
    dialogs.end(turn.person());
    return OutboundReply.text(replies.noAnswer());
  }

  /** Shows an entry's short answer and offers its steps and related topics by number. */
  private OutboundReply showEntry(Turn turn, Entry entry, FollowUps offered) {
    FollowUps followUps = offered.isFull() ? FollowUps.fresh() : offered;
    KnowledgeBase kb = library.knowledgeBase();
    int steps = followUps.offer("steps:" + entry.id());
    List<KnowledgeReplies.Numbered> related = new ArrayList<>();
    Audience reader = Readers.of(turn.person().role());
    for (String id : entry.related()) {
      if (related.size() >= 2) {
        break;
      }
      kb.entry(id)
          .filter(r -> r.audience().suits(reader))
          .ifPresent(
              r ->
                  related.add(
                      new KnowledgeReplies.Numbered(
                          followUps.offer("entry:" + r.id()), r.title())));
    }
    remember(turn, followUps);
    return OutboundReply.text(replies.answer(entry, steps, related));
  }

  @Override
  public OutboundReply continueWith(Turn turn, String state) {
    int number = number(turn.text());
    if (number < 0) {
      return OutboundReply.none(); // a new question or a command: the pipeline goes on
    }
    FollowUps followUps = FollowUps.decode(state);
    Optional<String> choice = followUps.action(number);
    if (choice.isEmpty()) {
      return OutboundReply.text(replies.numberUnknown(number, followUps.numbers()));
    }
    String action = choice.get();
    String id = action.substring(action.indexOf(':') + 1);
    Optional<Entry> entry = library.knowledgeBase().entry(id);
    if (entry.isEmpty()) {
      // the content changed since the number was offered (a reload removed the entry)
      dialogs.end(turn.person());
      return OutboundReply.text(replies.numberExpired());
    }
    if (action.startsWith("steps:")) {
      KnowledgeReplies.Steps steps = replies.steps(entry.get());
      if (!steps.helpFollows()) {
        remember(turn, followUps);
        return OutboundReply.text(steps.text());
      }
      int help = followUps.offer("help:" + id);
      remember(turn, followUps);
      return OutboundReply.text(replies.stepsWithHelpAt(steps, help));
    }
    if (action.startsWith("help:")) {
      remember(turn, followUps);
      return OutboundReply.text(replies.whenToSeekHelp(entry.get()));
    }
    // "topic:" comes from the topic list, which is a menu, not a question: start afresh
    return showEntry(
        turn, entry.get(), action.startsWith("topic:") ? FollowUps.fresh() : followUps);
  }

  private void remember(Turn turn, FollowUps followUps) {
    dialogs.start(turn.person(), DIALOG, followUps.encode());
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
