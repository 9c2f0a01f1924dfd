package org.xinqiao.escalation;

import org.springframework.beans.factory.ObjectProvider;
import org.xinqiao.channels.MessageSender;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;

/**
 * Pages a counselor as a customer-service message to their own WeChat account (in the embedded
 * default: a counselor persona in the simulator). On real WeChat this reaches only counselors who
 * wrote to the account within 48 h, so production should enable a WeCom or e-mail channel too.
 */
final class SimulatorPager implements Pager {

  private final People people;
  private final ObjectProvider<MessageSender> sender;

  SimulatorPager(People people, ObjectProvider<MessageSender> sender) {
    this.people = people;
    this.sender = sender;
  }

  @Override
  public String channel() {
    return "simulator";
  }

  @Override
  public boolean reaches(Counselor counselor) {
    return counselor.personId() != null;
  }

  @Override
  public void send(Counselor counselor, String text) throws Exception {
    Person person =
        people
            .find(counselor.personId())
            .orElseThrow(() -> new IllegalStateException("no person " + counselor.personId()));
    // a misconfigured rota must never page a parent (who may be the one harming the child)
    if (!person.role().mayBePaged()) {
      throw new IllegalStateException(
          "refusing to page " + person + ": not a counselor or safeguarding lead");
    }
    MessageSender messages = sender.getIfAvailable();
    if (messages == null) {
      throw new IllegalStateException("no MessageSender configured");
    }
    messages.sendText(person.openid(), text);
  }
}
