package org.xinqiao.push;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.channels.MessageSender;
import org.xinqiao.conversation.Texts;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/**
 * Tells the school's admins about a push that did not go out as planned, by customer-service
 * message (best effort: WeChat only allows it within 48 h of the admin's last message). The console
 * page shows the same runs as notices, so nothing depends on the message arriving.
 */
@Component
class AdminNotifier {

  private static final Logger log = LoggerFactory.getLogger(AdminNotifier.class);

  private final People people;
  private final ObjectProvider<MessageSender> sender;
  private final Texts texts;

  AdminNotifier(People people, ObjectProvider<MessageSender> sender, Texts texts) {
    this.people = people;
    this.sender = sender;
    this.texts = texts;
  }

  void monthlyCapReached(Article article, int limit) {
    tell(
        texts.format(
            "push-admin-capped",
            Map.of(
                "audience", article.audience().label(),
                "title", article.title(),
                "limit", limit)));
  }

  void pushFailed(PushRun run, Article article, String error) {
    tell(
        texts.format(
            "push-admin-failed",
            Map.of(
                "audience",
                run.audience().label(),
                "title",
                article == null ? run.articleId() : article.title(),
                "error",
                error)));
  }

  private void tell(String text) {
    MessageSender channel = sender.getIfAvailable();
    if (channel == null) {
      log.warn("no message sender configured: admins see the push notice in the console only");
      return;
    }
    for (Person admin : people.withRole(Role.ADMIN)) {
      try {
        channel.sendText(admin.openid(), text);
      } catch (ChannelException e) {
        log.info("push notice to admin {} not delivered: errcode {}", admin.pseudonym(), e.code());
      }
    }
  }
}
