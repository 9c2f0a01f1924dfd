package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.xinqiao.XinQiaoApplication;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.conversation.MessagePipeline;

/**
 * The middle band through the real pipeline and stores: one direct question, then the reply read
 * (DESIGN.md "Ask directly"). The messages that make the bot ask are picked from a few candidates
 * by the application's own assessor, so the cases follow the trained thresholds instead of guessing
 * them.
 */
class AskDirectlyEndToEndTest extends SafetyContext {

  static final String ASKED_SELF = "你有没有想过结束自己的生命";
  static final String ASKED_CHILD = "孩子有没有说过想死，或者做过伤害自己的事";
  static final String THANKED = "谢谢你直接回答我";

  @Autowired RiskAssessor assessor;

  @Test
  void askedAndAClearNoDoesNotEscalate() {
    String parent = consentedParent();
    String worrying = askBand(false);
    assertThat(send(parent, worrying)).contains(ASKED_SELF).contains("12356").doesNotContain("保密");
    assertThat(send(parent, "没有。")).contains(THANKED).contains("12356");

    assertThat(escalations(parent)).isEmpty();
    assertThat(answers(parent)).containsExactly("NO");
    assertThat(messageLog(parent))
        .containsSubsequence(worrying, "没有。")
        .anyMatch(b -> b.contains(ASKED_SELF))
        .anyMatch(b -> b.contains(THANKED));
  }

  @Test
  void aParentSpeakingOfAChildIsAskedAboutTheChild() {
    String parent = consentedParent();
    assertThat(send(parent, askBand(true))).contains(ASKED_CHILD).doesNotContain(ASKED_SELF);
  }

  @ParameterizedTest
  @ValueSource(strings = {"有", "不知道", "有时候", "说不清", "取消"})
  void anythingButAClearNoEscalatesWithTheQuestionInTheTranscript(String answer) {
    String parent = consentedParent();
    String worrying = askBand(false);
    send(parent, worrying);
    assertThat(send(parent, answer)).startsWith(HIGH_OPENING).contains(NOTIFIED);

    List<Long> ids = escalations(parent);
    assertThat(ids).hasSize(1);
    assertThat(urgencyAndCategories(ids.get(0))).startsWith("HIGH:").contains("suicide");
    assertThat(transcript(ids.get(0)))
        .containsSubsequence(worrying, answer)
        .anyMatch(b -> b.contains(ASKED_SELF));
    assertThat(reasons(ids.get(0))).anyMatch(r -> r.startsWith("ask:asked self at message "));
  }

  @Test
  void aFurtherRiskyMessageEscalatesAndSaysSo() {
    String parent = consentedParent();
    send(parent, askBand(false));
    assertThat(send(parent, "其实我想过很多次，我不想活了")).startsWith(HIGH_OPENING);
    long id = escalations(parent).get(0);
    assertThat(reasons(id))
        .anyMatch(r -> r.endsWith("answer risky"))
        .anyMatch(r -> r.startsWith("rule:"));
    assertThat(answers(parent)).containsExactly("RISKY");
  }

  @Test
  void silenceThenAnotherWorryingMessageEscalates() {
    String parent = consentedParent();
    send(parent, askBand(false));
    passTime(parent, "2 HOUR");
    assertThat(send(parent, askBand(false))).startsWith(HIGH_OPENING);
    assertThat(escalations(parent)).hasSize(1);
    assertThat(answers(parent)).containsExactly("SILENCE_THEN_WORRYING");
  }

  @Test
  void silenceThenAnOrdinaryQuestionLetsTheQuestionLapse() {
    String parent = consentedParent();
    send(parent, askBand(false));
    passTime(parent, "2 HOUR");
    assertThat(send(parent, "怎么预约心理老师")).doesNotStartWith(HIGH_OPENING);
    assertThat(escalations(parent)).isEmpty();
    assertThat(answers(parent)).containsExactly("LAPSED");
  }

  @Test
  void neverAskedTwiceWithinADay() {
    String parent = consentedParent();
    send(parent, askBand(false));
    send(parent, "没有");
    String again = send(parent, askBand(false));
    assertThat(again).doesNotContain(ASKED_SELF).contains(SUPPORTIVE);
    assertThat(answers(parent)).hasSize(1);

    passTime(parent, "25 HOUR");
    assertThat(send(parent, askBand(false))).contains(ASKED_SELF);
    assertThat(answers(parent)).hasSize(2);
  }

  @Test
  void aClearCaseIsPagedNotAsked() {
    String parent = consentedParent();
    assertThat(send(parent, "女儿昨晚哭着说她不想活了，想去死")).startsWith(HIGH_OPENING);
    assertThat(escalations(parent)).hasSize(1);
    assertThat(answers(parent)).isEmpty();
  }

  @Test
  void aVoiceMessageWithoutRecognitionGetsTheHelpLines() {
    String parent = consentedParent();
    assertThat(sendVoice(parent)).contains("只能读懂文字消息").contains("110");
  }

  /**
   * Another application instance on the same database answers: the pending question lives only in
   * the database, so this is what a restart (or the other replica behind the balancer) sees.
   */
  @Test
  void theQuestionSurvivesARestart() {
    String parent = consentedParent();
    String worrying = askBand(false);
    assertThat(send(parent, worrying)).contains(ASKED_SELF);

    try (ConfigurableApplicationContext restarted =
        new SpringApplicationBuilder(XinQiaoApplication.class)
            .properties(
                "server.port=0",
                "xinqiao.db.url=jdbc:h2:mem:safety-e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "xinqiao.scheduler.enabled=false",
                "xinqiao.simulator.enabled=false",
                "xinqiao.redis.url=" + redis.url(),
                "xinqiao.redis.key-prefix=restarted-" + UUID.randomUUID() + ":")
            .run()) {
      MessagePipeline other = restarted.getBean(MessagePipeline.class);
      String reply =
          other
              .handle(
                  InboundMessage.text(
                      "wechat", "app", parent, "不知道", UUID.randomUUID().toString(), Instant.now()))
              .text();
      assertThat(reply).startsWith(HIGH_OPENING);
    }
    long id = escalations(parent).get(0);
    assertThat(transcript(id)).contains(worrying, "不知道").anyMatch(b -> b.contains(ASKED_SELF));
    assertThat(answers(parent)).containsExactly("UNSURE");
  }

  /**
   * A message the assessor puts in the middle band: about the writer, or a parent's about a child.
   */
  private String askBand(boolean aboutChild) {
    Stream<String> candidates =
        aboutChild
            ? Stream.of("孩子说自己没有想死，只是很累", "学生说想结束这一切", "女儿说想结束这一切")
            : Stream.of("我没有想死，只是什么都不想做", "我想结束这一切", "我也不是想死，就是觉得好累");
    return candidates
        .filter(t -> assessor.assess(t).ask())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no candidate is in the ask band any more"));
  }

  /**
   * Voice with speech recognition off: WeChat sends no text (with it on, the codec maps to text).
   */
  String sendVoice(String openid) {
    return pipeline
        .handle(
            new InboundMessage(
                "wechat",
                "app",
                openid,
                InboundMessage.Kind.VOICE,
                null,
                null,
                null,
                UUID.randomUUID().toString(),
                Instant.now()))
        .text();
  }

  /** Time passes for this person: their question and their messages move into the past. */
  private void passTime(String openid, String interval) {
    String[] amount = interval.split(" ");
    String ago = "interval '" + amount[0] + "' " + amount[1];
    jdbc.sql("update safety_question set asked_at = asked_at - " + ago + " where person_id = ?")
        .param(personId(openid))
        .update();
    jdbc.sql("update message set created_at = created_at - " + ago + " where person_id = ?")
        .param(personId(openid))
        .update();
  }

  private List<String> answers(String openid) {
    return jdbc.sql(
            "select coalesce(answer, '-') from safety_question where person_id = ? order by id")
        .param(personId(openid))
        .query(String.class)
        .list();
  }

  private List<String> messageLog(String openid) {
    return jdbc.sql("select body from message where person_id = ? order by id")
        .param(personId(openid))
        .query(String.class)
        .list();
  }

  private List<String> reasons(long escalationId) {
    return jdbc.sql(
            "select layer || ':' || ref from escalation_reason where escalation_id = ?"
                + " order by message_id, seq")
        .param(escalationId)
        .query(String.class)
        .list();
  }

  private String urgencyAndCategories(long id) {
    return jdbc.sql("select urgency || ':' || categories from escalation where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private long personId(String openid) {
    return people.find("wechat", openid).orElseThrow().id();
  }
}
