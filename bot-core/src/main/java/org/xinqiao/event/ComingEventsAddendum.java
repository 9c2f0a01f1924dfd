package org.xinqiao.event;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.xinqiao.push.ArticleAddendum;
import org.xinqiao.push.Audience;

/**
 * The weekly article carries the coming events of its audience: a short list appended to the
 * article's body. WeChat strips links to outside pages from an article, so the list says what to
 * reply in the chat instead ("报名N").
 */
@Component
class ComingEventsAddendum implements ArticleAddendum {

  private static final int MAX = 5;

  private final EventRepository events;
  private final SignupRepository signups;
  private final EventProperties properties;
  private final Clock clock;

  ComingEventsAddendum(
      EventRepository events, SignupRepository signups, EventProperties properties, Clock clock) {
    this.events = events;
    this.signups = signups;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String html(Audience audience) {
    Instant now = clock.instant();
    List<Event> coming =
        events
            .upcoming(
                List.of(EventAudience.of(audience), EventAudience.BOTH),
                now,
                now.plus(properties.pushAhead()),
                MAX)
            .stream()
            .filter(e -> e.signupOpen(now))
            .toList();
    if (coming.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<h3>近期活动</h3><ul>");
    for (Event e : coming) {
      int left = e.capacity() - signups.holding(e.id());
      html.append("<li>")
          .append(HtmlUtils.htmlEscape(e.id() + ". " + EventReplies.quoted(e) + " " + e.when()))
          .append("，")
          .append(HtmlUtils.htmlEscape(e.place()))
          .append(left > 0 ? "（还剩 " + left + " 个名额）" : "（已报满，可候补）")
          .append("</li>");
    }
    return html.append("</ul><p>在公众号对话框回复“报名”加编号即可报名，回复“活动”查看全部。</p>").toString();
  }
}
