package org.xinqiao.escalation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;

/** A WeChat template message to a counselor's WeChat account, through {@link CounselorNotices}. */
final class TemplatePager implements Pager {

  private final CounselorNotices notices;
  private final People people;
  private final EscalationProperties.WechatTemplate settings;

  TemplatePager(
      CounselorNotices notices, People people, EscalationProperties.WechatTemplate settings) {
    this.notices = notices;
    this.people = people;
    this.settings = settings;
  }

  @Override
  public String channel() {
    return "wechat-template";
  }

  @Override
  public boolean reaches(Counselor counselor) {
    return counselor.personId() != null;
  }

  @Override
  public void send(Counselor counselor, String text) throws Exception {
    Person person = people.find(counselor.personId()).orElseThrow();
    if (!person.role().mayBePaged()) {
      throw new IllegalStateException(
          "refusing to page " + person + ": not a counselor or safeguarding lead");
    }
    Map<String, String> data = new LinkedHashMap<>();
    data.put("thing1", text.length() > 20 ? text.substring(0, 20) : text);
    data.put("thing2", text);
    notices.sendTemplate(person.openid(), settings.templateId(), settings.consoleUrl(), data);
  }
}
