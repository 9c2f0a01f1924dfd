package org.xinqiao.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.conversation.MessagePipeline;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/**
 * One application context shared by the escalation tests (H2 in memory, scheduler not polling so
 * tests drive the outbox themselves): two counselors enrolled in the chat as 张老师 and 李老师, paged
 * through the simulator pager, a fake WeCom app and a fake WeCom group robot.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "xinqiao.db.url=jdbc:h2:mem:escalation;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "xinqiao.scheduler.enabled=false",
      "xinqiao.people.admin-openids=o_admin",
      "xinqiao.simulator.enabled=false",
      "xinqiao.escalation.counselors[0].name=张老师",
      "xinqiao.escalation.counselors[0].wecom-user=zhang",
      "xinqiao.escalation.counselors[1].name=李老师",
      "xinqiao.escalation.counselors[1].wecom-user=li",
      "xinqiao.escalation.rota.working-hours=张老师,李老师",
      "xinqiao.escalation.rota.after-hours=张老师,李老师",
      "xinqiao.escalation.pagers.simulator.enabled=true",
      "xinqiao.escalation.pagers.wecom-app.enabled=true",
      "xinqiao.escalation.pagers.wecom-app.corp-id=corp",
      "xinqiao.escalation.pagers.wecom-app.secret=secret",
      "xinqiao.escalation.pagers.wecom-app.agent-id=1000002",
      "xinqiao.escalation.pagers.wecom-robot.enabled=true",
      "xinqiao.escalation.pagers.wecom-robot.key=robot-key",
      // few reply workers, so a flood fills them quickly (OneFloodingSenderStarvesNoOneTest)
      "xinqiao.wechat.limits.reply-threads=2",
      "xinqiao.wechat.limits.reply-queue=4"
    })
@Import(EscalationTestBeans.class)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
abstract class EscalationContext {

  static final FakeWeCom wecom = FakeWeCom.INSTANCE;

  @DynamicPropertySource
  static void fakeWeCom(DynamicPropertyRegistry registry) {
    registry.add("xinqiao.escalation.pagers.wecom-app.base-url", wecom::baseUrl);
    registry.add("xinqiao.escalation.pagers.wecom-robot.base-url", wecom::baseUrl);
  }

  @Autowired MessagePipeline pipeline;
  @Autowired People people;
  @Autowired Escalations escalations;
  @Autowired JdbcClient jdbc;
  @Autowired EscalationTestBeans.RecordingSender sender;

  /** Both counselors are enrolled (and have accepted the notice) before every test. */
  @BeforeEach
  void enrolCounselors() {
    counselor("张老师");
    counselor("李老师");
  }

  OutboundReply send(String openid, String text) {
    return pipeline.handle(
        InboundMessage.text(
            "wechat", "app", openid, text, UUID.randomUUID().toString(), Instant.now()));
  }

  /** A parent who has consented, with a few ordinary lines of conversation. */
  Person parent() {
    String openid = "o_parent_" + UUID.randomUUID();
    send(openid, "你好");
    send(openid, "同意");
    return people.find("wechat", openid).orElseThrow();
  }

  /** The counselor enrolled under {@code name}, enrolling them on first use. */
  synchronized Person counselor(String name) {
    String openid = "o_counselor_" + name;
    var existing = people.find("wechat", openid);
    if (existing.isPresent() && existing.get().role() == Role.COUNSELOR) {
      return existing.get();
    }
    Person admin = people.contact("wechat", "o_admin");
    String code = people.invite(admin, Role.COUNSELOR, name);
    send(openid, "你好");
    send(openid, "同意");
    Person fresh = people.find("wechat", openid).orElseThrow();
    return people.redeem(fresh, code).orElseThrow();
  }

  /** The newest escalation raised for a person. */
  Escalation escalationOf(Person person) {
    List<Long> ids =
        jdbc.sql("select id from escalation where person_id = ? order by id desc")
            .param(person.id())
            .query(Long.class)
            .list();
    return escalations.find(ids.get(0)).orElseThrow();
  }

  List<String> scheduled(String taskName, long escalationId) {
    return jdbc.sql(
            "select task_instance from scheduled_tasks where task_name = ? and task_instance like ?"
                + " order by task_instance")
        .params(taskName, "e" + escalationId + "-%")
        .query(String.class)
        .list();
  }
}
