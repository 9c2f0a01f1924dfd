package org.xinqiao.push;

import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.ChatCommand;
import org.xinqiao.conversation.Texts;
import org.xinqiao.conversation.Turn;

/** "本周文章" and the ARTICLE menu button: this week's article for the person's audience. */
@Component
@Order(40)
class ArticleCommand implements ChatCommand {

  static final String MENU_KEY = "ARTICLE";

  private final WeeklyArticles articles;
  private final ArticleLinks links;
  private final Texts texts;

  ArticleCommand(WeeklyArticles articles, ArticleLinks links, Texts texts) {
    this.articles = articles;
    this.links = links;
    this.texts = texts;
  }

  @Override
  public boolean accepts(Turn turn) {
    return MENU_KEY.equals(turn.menuKey()) || turn.says("本周文章", "每周文章", "文章", "本周推送");
  }

  @Override
  public OutboundReply handle(Turn turn) {
    Audience audience = Audience.of(turn.person().role());
    return articles
        .thisWeek(audience)
        .map(
            a ->
                OutboundReply.text(
                    texts.format(
                        "push-this-week",
                        Map.of(
                            "week", a.week(),
                            "title", a.title(),
                            "summary", a.summary(),
                            "link", links.article(a)))))
        .orElseGet(() -> OutboundReply.text(texts.get("push-none-this-week")));
  }
}
