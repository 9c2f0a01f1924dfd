package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.xinqiao.channels.InboundMessage;

/** Safety's cases through the real message path (see {@link SafetyContext}). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SafetyEndToEndTest extends SafetyContext {

  @org.springframework.beans.factory.annotation.Autowired RiskAssessor assessor;

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
    // a concern the detector is sure of: the middle band asks instead (AskDirectlyEndToEndTest)
    String concern =
        java.util.stream.Stream.of("我每天都想哭，感觉撑不下去了", "最近心情很差，总是想哭", "我真的撑不下去了", "我好累，想消失")
            .filter(
                t -> assessor.assess(t).level() == RiskLevel.CONCERN && !assessor.assess(t).ask())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no candidate is plain concern any more"));
    String reply = send(parent, concern);
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
}
