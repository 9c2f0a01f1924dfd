package org.xinqiao.event;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.xinqiao.push.Announcements;
import org.xinqiao.push.Audience;

/**
 * An admin's one-off announcement card for an event: one mass send per audience tag, each counted
 * against the push's monthly mass-send limit (the push decides, not this class).
 */
@Component
class EventAnnouncer {

  private final Announcements announcements;

  EventAnnouncer(Announcements announcements) {
    this.announcements = announcements;
  }

  Map<Audience, Announcements.Outcome> announce(Event e, long adminId) {
    Announcements.Card card =
        new Announcements.Card(
            "event-" + e.id(),
            "活动报名：" + e.title(),
            e.when() + "，" + e.place(),
            "<p><strong>"
                + HtmlUtils.htmlEscape(e.title())
                + "</strong>（"
                + e.kind().label()
                + "）</p><p>时间："
                + HtmlUtils.htmlEscape(e.when())
                + "</p><p>地点："
                + HtmlUtils.htmlEscape(e.place())
                + "</p><p>名额 "
                + e.capacity()
                + " 个，报名截止 "
                + HtmlUtils.htmlEscape(EventTime.at(e.signupDeadline()))
                + "。</p><p>在公众号对话框回复“报名"
                + e.id()
                + "”即可报名，额满后可以候补。</p>");
    Map<Audience, Announcements.Outcome> outcomes = new LinkedHashMap<>();
    for (Audience audience : e.audience().pushAudiences()) {
      outcomes.put(audience, announcements.announce(audience, card, adminId));
    }
    return outcomes;
  }
}
