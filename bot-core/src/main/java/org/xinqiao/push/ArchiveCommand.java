package org.xinqiao.push;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ActiveDialogs;
import org.xinqiao.conversation.ChatCommand;
import org.xinqiao.conversation.DialogHandler;
import org.xinqiao.conversation.Texts;
import org.xinqiao.conversation.Turn;

/** "往期": earlier articles as numbered choices; a number opens one. */
@Component
@Order(41)
class ArchiveCommand implements ChatCommand, DialogHandler {

  /** Enough to choose from in a chat bubble; the rest of the term stays on the article pages. */
  static final int SHOWN = 10;

  private final WeeklyArticles articles;
  private final ArticleCatalog catalog;
  private final ArticleLinks links;
  private final ActiveDialogs dialogs;
  private final Texts texts;

  ArchiveCommand(
      WeeklyArticles articles,
      ArticleCatalog catalog,
      ArticleLinks links,
      ActiveDialogs dialogs,
      Texts texts) {
    this.articles = articles;
    this.catalog = catalog;
    this.links = links;
    this.dialogs = dialogs;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "push-archive";
  }

  @Override
  public boolean accepts(Turn turn) {
    return turn.says("往期", "往期文章", "以前的文章", "历史文章");
  }

  @Override
  public OutboundReply handle(Turn turn) {
    List<Article> earlier =
        articles.earlier(Audience.of(turn.person().role())).stream().limit(SHOWN).toList();
    if (earlier.isEmpty()) {
      return OutboundReply.text(texts.get("push-archive-empty"));
    }
    // the state is the list of ids, so the numbers mean the same after a restart
    dialogs.start(
        turn.person(), name(), earlier.stream().map(Article::id).collect(Collectors.joining(",")));
    String list =
        IntStream.range(0, earlier.size())
            .mapToObj(i -> (i + 1) + ". 第" + earlier.get(i).week() + "周 " + earlier.get(i).title())
            .collect(Collectors.joining("\n"));
    return OutboundReply.text(texts.format("push-archive-list", Map.of("list", list)));
  }

  @Override
  public OutboundReply continueWith(Turn turn, String state) {
    List<String> ids = Arrays.asList(state.split(","));
    int choice;
    try {
      choice = Integer.parseInt(turn.text().replaceAll("[\\s。.、号第篇]", ""));
    } catch (NumberFormatException e) {
      // not a choice: leave the list and let commands or the knowledge base take the message
      dialogs.end(turn.person());
      return OutboundReply.none();
    }
    if (choice < 1 || choice > ids.size()) {
      return OutboundReply.text(texts.get("push-archive-choose"));
    }
    dialogs.end(turn.person());
    return catalog
        .byId(ids.get(choice - 1))
        .map(
            a ->
                OutboundReply.text(
                    texts.format(
                        "push-article",
                        Map.of(
                            "title", a.title(), "summary", a.summary(), "link", links.article(a)))))
        .orElseGet(() -> OutboundReply.text(texts.get("push-archive-empty")));
  }
}
