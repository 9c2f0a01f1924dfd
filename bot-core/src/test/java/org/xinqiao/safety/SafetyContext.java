package org.xinqiao.safety;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.channels.MessageSender;
import org.xinqiao.conversation.MessagePipeline;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.xinqiao.testsupport.RestartableRedis;
import org.xinqiao.testsupport.TestRedis;

/**
 * Safety through the real message path: MessagePipeline, the real SafetyResponder and lexicon, the
 * real Escalations with its outbox (db-scheduler table, not polled here), H2 and a Redis of its own
 * for shared state, which the last test stops. A counselor is enrolled the way a school does it (an
 * admin's invitation code). One context for every case (the test classes of this package that
 * extend it share it): Spring starts slowly on CI.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "xinqiao.db.url=jdbc:h2:mem:safety-e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "xinqiao.scheduler.enabled=false",
      "xinqiao.simulator.enabled=false",
      "xinqiao.people.admin-openids=o_admin_safety",
    })
@Import(SafetyContext.Beans.class)
@AutoConfigureMockMvc
abstract class SafetyContext {

  static final RestartableRedis redis = TestRedis.startDedicated();

  static {
    // the context (and this Redis) is shared by every subclass: stopped when the test JVM ends
    Runtime.getRuntime().addShutdownHook(new Thread(redis::close));
  }

  @DynamicPropertySource
  static void sharedStateOnRedis(DynamicPropertyRegistry registry) {
    registry.add("xinqiao.redis.url", redis::url);
    registry.add("xinqiao.redis.key-prefix", TestRedis::uniquePrefix);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Beans {
    @Bean
    @Primary
    @Qualifier("wechat")
    RecordingSender recordingSender() {
      return new RecordingSender();
    }
  }

  /** Customer-service messages the bot sends (pages to the counselor among them). */
  static final class RecordingSender implements MessageSender {
    final List<String[]> sent = new CopyOnWriteArrayList<>();

    @Override
    public void sendText(String userId, String text) {
      sent.add(new String[] {userId, text});
    }
  }

  static final String HIGH_OPENING = "谢谢你告诉我们，这件事很重要。";
  static final String NOTIFIED = "已经通知学校心理老师";
  static final String SUPPORTIVE = "听起来你最近承受了不少";

  @Autowired MessagePipeline pipeline;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  Person counselor;

  @BeforeEach
  void enrolCounselor() {
    String openid = "o_counselor_safety";
    var existing = people.find("wechat", openid);
    if (existing.isPresent() && existing.get().role() == Role.COUNSELOR) {
      counselor = existing.get();
      return;
    }
    String code = people.invite(people.contact("wechat", "o_admin_safety"), Role.COUNSELOR, "王老师");
    send(openid, "你好");
    send(openid, "同意");
    counselor = people.redeem(people.find("wechat", openid).orElseThrow(), code).orElseThrow();
  }

  String send(String openid, String text) {
    return pipeline
        .handle(
            InboundMessage.text(
                "wechat", "app", openid, text, UUID.randomUUID().toString(), Instant.now()))
        .text();
  }

  String consentedParent() {
    String openid = "o_parent_" + UUID.randomUUID();
    send(openid, "你好");
    send(openid, "同意");
    return openid;
  }

  List<Long> escalations(String openid) {
    return people
        .find("wechat", openid)
        .map(
            p ->
                jdbc.sql("select id from escalation where person_id = ? order by id")
                    .param(p.id())
                    .query(Long.class)
                    .list())
        .orElse(List.of());
  }

  List<String> transcript(long escalationId) {
    return jdbc.sql("select body from escalation_transcript where escalation_id = ? order by seq")
        .param(escalationId)
        .query(String.class)
        .list();
  }

  List<String> pagesScheduled(long escalationId) {
    return jdbc.sql(
            "select task_instance from scheduled_tasks where task_name = 'escalation-page'"
                + " and task_instance like ?")
        .param("e" + escalationId + "-%")
        .query(String.class)
        .list();
  }
}
