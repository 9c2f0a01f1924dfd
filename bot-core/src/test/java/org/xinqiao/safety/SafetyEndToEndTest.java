package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
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
 * admin's invitation code). One context for every case: Spring starts slowly on CI.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "xinqiao.db.url=jdbc:h2:mem:safety-e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "xinqiao.scheduler.enabled=false",
      "xinqiao.simulator.enabled=false",
      "xinqiao.people.admin-openids=o_admin_safety",
    })
@Import(SafetyEndToEndTest.Beans.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SafetyEndToEndTest {

  static final RestartableRedis redis = TestRedis.startDedicated();

  @DynamicPropertySource
  static void sharedStateOnRedis(DynamicPropertyRegistry registry) {
    registry.add("xinqiao.redis.url", redis::url);
    registry.add("xinqiao.redis.key-prefix", TestRedis::uniquePrefix);
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
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

  private static final String HIGH_OPENING = "谢谢你告诉我们，这件事很重要。";
  private static final String NOTIFIED = "已经通知学校心理老师";
  private static final String SUPPORTIVE = "听起来你最近承受了不少";

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

  @Test
  void escalatesWhenParentReportsChildWantsToDie() {
    String parent = consentedParent();
    send(parent, "孩子最近不太爱说话");
    String reply = send(parent, "女儿昨晚哭着说她不想活了，想去死");

    assertThat(reply).startsWith(HIGH_OPENING).contains(NOTIFIED).contains("12356");
    List<Long> ids = escalations(parent);
    assertThat(ids).hasSize(1);
    long id = ids.get(0);
    assertThat(
            jdbc.sql(
                    "select urgency || ':' || categories || ':' || status from escalation where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .startsWith("HIGH:")
        .contains("suicide")
        .endsWith(":OPEN");
    assertThat(transcript(id)).contains("孩子最近不太爱说话", "女儿昨晚哭着说她不想活了，想去死");
    assertThat(pagesScheduled(id)).anyMatch(i -> i.endsWith("-simulator-" + counselor.pseudonym()));
  }

  @Test
  void imminentPutsEmergencyNumbersFirst() {
    String parent = consentedParent();
    String reply = send(parent, "我现在就在楼顶，准备跳下去了");
    assertThat(reply).startsWith("请现在就拨打 110 或 120");
    long id = escalations(parent).get(0);
    assertThat(
            jdbc.sql("select urgency from escalation where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("IMMINENT");
    assertThat(pagesScheduled(id)).isNotEmpty();
  }

  @Test
  void hyperboleDoesNotPage() {
    String parent = consentedParent();
    String reply = send(parent, "笑死我了，孩子今天把作业本当帽子戴");
    assertThat(reply).doesNotContain("12356").doesNotContain(NOTIFIED);
    assertThat(escalations(parent)).isEmpty();
  }

  @Test
  void concernOffersTheCounselor() {
    String parent = consentedParent();
    String reply = send(parent, "我每天都想哭，感觉撑不下去了");
    assertThat(reply).startsWith(SUPPORTIVE).contains("找心理老师").doesNotContain(NOTIFIED);
    assertThat(escalations(parent)).isEmpty();
  }

  @Test
  void parentQuestionsDoNotPage() {
    String parent = consentedParent();
    for (String question : List.of("孩子不想上学，早上一直哭怎么办", "孩子最近总是睡不着", "孩子是不是抑郁了")) {
      String reply = send(parent, question);
      assertThat(reply).as(question).doesNotStartWith(SUPPORTIVE).doesNotContain(NOTIFIED);
    }
    assertThat(escalations(parent)).isEmpty();
  }

  @Test
  void repeatedFirstPersonDistressPages() {
    String person = consentedParent();
    send(person, "我每天都想哭");
    send(person, "我撑不下去了");
    String reply = send(person, "我好累好痛苦");
    assertThat(reply).startsWith(HIGH_OPENING).contains(NOTIFIED);
    assertThat(escalations(person)).hasSize(1);
  }

  @Test
  void safetyRunsBeforeConsent() {
    String stranger = "o_first_" + UUID.randomUUID();
    String reply = send(stranger, "我儿子说他不想活了");
    assertThat(reply).startsWith(HIGH_OPENING).contains("12356");
    assertThat(reply).doesNotContain("同意");
    assertThat(escalations(stranger)).hasSize(1);
  }

  @Test
  void safetyRunsInsideADialog() {
    String parent = consentedParent();
    String confirm = send(parent, "删除我的数据");
    assertThat(confirm).contains("确认删除");
    String reply = send(parent, "我不想活了");
    assertThat(reply).startsWith(HIGH_OPENING).contains(NOTIFIED);
    assertThat(escalations(parent)).hasSize(1);
    assertThat(people.find("wechat", parent)).isPresent(); // the dialog did not take the message
  }

  @Test
  void jokingDoesNotCloseRisk() {
    String parent = consentedParent();
    send(parent, "我想死");
    String reply = send(parent, "开玩笑的啦，别当真");
    assertThat(reply).startsWith(HIGH_OPENING);
    List<Long> ids = escalations(parent);
    assertThat(ids).hasSize(1);
    assertThat(
            jdbc.sql("select status from escalation where id = ?")
                .param(ids.get(0))
                .query(String.class)
                .single())
        .isEqualTo("OPEN");
    assertThat(transcript(ids.get(0))).contains("开玩笑的啦，别当真");
  }

  @Test
  void emergencyButtonReachesAHuman() {
    String parent = consentedParent();
    String reply =
        pipeline
            .handle(
                InboundMessage.event(
                    "wechat",
                    "app",
                    parent,
                    "CLICK",
                    "SOS",
                    UUID.randomUUID().toString(),
                    Instant.now()))
            .text();
    assertThat(reply).contains(NOTIFIED).contains("110");
    long id = escalations(parent).get(0);
    assertThat(
            jdbc.sql("select categories from escalation where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .contains("help_request");
    assertThat(pagesScheduled(id)).isNotEmpty();
  }

  @Test
  void whenRecordingFailsTheSafetyReplyStillGoesOut() {
    String parent = consentedParent();
    jdbc.sql("alter table escalation rename to escalation_unavailable").update();
    String reply;
    try {
      reply = send(parent, "我不想活了");
    } finally {
      jdbc.sql("alter table escalation_unavailable rename to escalation").update();
    }
    assertThat(reply).contains("110").contains("12356").contains("系统此刻出了故障");
    assertThat(reply).doesNotContain(NOTIFIED); // nobody was told: the reply must not say so
    assertThat(escalations(parent)).isEmpty();
  }

  @Test
  @Order(Integer.MAX_VALUE) // stops Redis: runs last
  void redisDownStillEscalates() {
    redis.stop();
    try {
      String stranger = "o_redis_down_" + UUID.randomUUID();
      String reply = send(stranger, "孩子说活着没意思，想去死");
      assertThat(reply).startsWith(HIGH_OPENING).contains("12356");
      List<Long> ids = escalations(stranger);
      assertThat(ids).hasSize(1);
      assertThat(pagesScheduled(ids.get(0))).anyMatch(i -> i.contains("simulator"));

      // dialogs live in shared state, which falls back to the process: safety still comes first
      String parent = consentedParent();
      assertThat(send(parent, "删除我的数据")).contains("确认删除");
      assertThat(send(parent, "我现在就在楼顶")).startsWith("请现在就拨打 110 或 120");
      assertThat(escalations(parent)).hasSize(1);
    } finally {
      redis.start();
    }
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
