package org.xinqiao.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinqiao.escalation.HandoffRepository.State;
import org.xinqiao.people.Person;
import org.xinqiao.store.AuditLog;

/** Acknowledging in WeChat, the counselor holding the chat, WeChat's quota, and handing back. */
class HandoffTest extends EscalationContext {

  @Autowired Handoffs handoffs;
  @Autowired AuditLog audit;

  @Test
  void aCounselorAcknowledgesInWeChatByNameAndThePersonIsToldWhoJoined() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    assertThat(handoffs.state(parent.id())).isEqualTo(State.WAITING_FOR_COUNSELOR);
    Person zhang = counselor("张老师");

    assertThat(send(zhang.openid(), "接 " + e.id()).text()).contains("已确认").contains("#" + e.id());

    Escalation acked = escalations.find(e.id()).orElseThrow();
    assertThat(acked.status()).isEqualTo(EscalationStatus.ACKNOWLEDGED);
    assertThat(acked.acknowledgedBy()).isEqualTo(zhang.id());
    assertThat(acked.acknowledgedByName()).isEqualTo("张老师");
    assertThat(handoffs.state(parent.id())).isEqualTo(State.COUNSELOR);
    assertThat(sender.to(parent.openid())).anyMatch(t -> t.startsWith("心理老师张老师已加入对话"));
    assertThat(audit.recentBySubject("escalation", Long.toString(e.id()), 10))
        .anyMatch(
            a ->
                a.action().equals("escalation.acknowledged")
                    && a.actor().equals("counselor:" + zhang.id()));
  }

  @Test
  void aCounselorRepliesFromWeChatAndThePersonReceivesIt() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    Person zhang = counselor("张老师");

    assertThat(send(zhang.openid(), "回 " + e.id() + " 我是张老师，她现在和你在一起吗？").text()).contains("已发出");

    assertThat(sender.to(parent.openid())).anyMatch(t -> t.contains("她现在和你在一起吗"));
    assertThat(escalations.find(e.id()).orElseThrow().status())
        .isEqualTo(EscalationStatus.ACKNOWLEDGED);
    assertThat(send(parent().openid(), "回 " + e.id() + " 冒充").text()).doesNotContain("已发出");
  }

  @Test
  void aSecondCounselorIsToldWhoAlreadyHasIt() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    send(counselor("张老师").openid(), "接 " + e.id());
    assertThat(send(counselor("李老师").openid(), "接" + e.id()).text()).contains("已由张老师接手");
    assertThat(escalations.find(e.id()).orElseThrow().acknowledgedByName()).isEqualTo("张老师");
  }

  @Test
  void aParentCannotAcknowledge() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    Person other = parent();
    send(other.openid(), "接 " + e.id());
    assertThat(escalations.find(e.id()).orElseThrow().status()).isEqualTo(EscalationStatus.OPEN);
  }

  @Test
  void whileHeldThePersonsMessagesGoToTheCounselorAndTheBotStaysQuiet() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    Person zhang = counselor("张老师");
    send(zhang.openid(), "接 " + e.id());

    assertThat(send(parent.openid(), "谢谢老师，她现在在房间里").isEmpty()).isTrue();
    assertThat(sender.to(zhang.openid())).anyMatch(t -> t.contains("她现在在房间里"));
  }

  @Test
  void aRiskyMessageWhileHeldStillReachesTheCounselor() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    Person zhang = counselor("张老师");
    send(zhang.openid(), "接 " + e.id());

    assertThat(send(parent.openid(), "她说要去楼顶").text()).isEqualTo("SAFE-IMMINENT");
    assertThat(sender.to(zhang.openid())).anyMatch(t -> t.contains("她说要去楼顶"));
    assertThat(escalations.find(e.id()).orElseThrow().urgency()).isEqualTo(Urgency.IMMINENT);
  }

  @Test
  void counselorRepliesStayWithinWeChatsQuotaAndTheRestWaitForThePersonsNextMessage() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    Person zhang = counselor("张老师");
    send(zhang.openid(), "接 " + e.id()); // the joined notice is one of the five
    int before = sender.to(parent.openid()).size();

    for (int i = 1; i <= 4; i++) {
      assertThat(handoffs.reply(parent.id(), zhang.id(), "回复" + i)).isEmpty();
    }
    Optional<String> sixth = handoffs.reply(parent.id(), zhang.id(), "回复5");
    assertThat(sixth).hasValueSatisfying(reason -> assertThat(reason).contains("5条"));
    assertThat(sender.to(parent.openid())).hasSize(before + 4).noneMatch(t -> t.endsWith("回复5"));

    send(parent.openid(), "好的");
    assertThat(sender.to(parent.openid())).anyMatch(t -> t.endsWith("回复5"));
  }

  @Test
  void closingHandsTheChatBackToTheBotAndSaysSo() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    Person zhang = counselor("张老师");
    send(zhang.openid(), "接 " + e.id());

    assertThat(escalations.close(e.id(), zhang.id(), "张老师", Outcome.REFERRED, "已联系家长与班主任"))
        .isTrue();
    assertThat(escalations.close(e.id(), zhang.id(), "张老师", Outcome.OTHER, null)).isFalse();

    Escalation closed = escalations.find(e.id()).orElseThrow();
    assertThat(closed.status()).isEqualTo(EscalationStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo(Outcome.REFERRED);
    assertThat(handoffs.state(parent.id())).isEqualTo(State.BOT);
    assertThat(sender.to(parent.openid())).anyMatch(t -> t.startsWith("心理老师张老师已结束这次对话"));
    assertThat(send(parent.openid(), "帮助").text()).contains("预约");
  }

  @Test
  void aCounselorsReplyReachesThePersonSignedWithTheirName() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    send(counselor("张老师").openid(), "回 " + e.id() + " 她现在和你在一起吗？");

    assertThat(sender.to(parent.openid())).contains("【心理老师 张老师】\n她现在和你在一起吗？");
  }

  @Test
  void acknowledgingAgainOrAfterClosingAnswersTheCounselorAsYou() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    Person zhang = counselor("张老师");
    send(zhang.openid(), "接 " + e.id());

    assertThat(send(zhang.openid(), "接 " + e.id()).text()).contains("已经由你接手").doesNotContain("张老师");
    escalations.close(e.id(), zhang.id(), "张老师", Outcome.RESOLVED, null);
    assertThat(send(zhang.openid(), "接 " + e.id()).text())
        .contains("已经结案")
        .doesNotContain("已由张老师接手");
  }

  @Test
  void aMoreUrgentMessageWhileHeldReopensTheCasePagesAgainAndMarksTheRelayUrgent() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    Person zhang = counselor("张老师");
    send(zhang.openid(), "接 " + e.id());
    List<String> deadlinesBefore = scheduled(EscalationTasks.DEADLINE, e.id());
    int joined = joinedNotices(parent);

    assertThat(send(parent.openid(), "她说要去楼顶，药已经吃下去了").text()).isEqualTo("SAFE-IMMINENT");

    Escalation raised = escalations.find(e.id()).orElseThrow();
    assertThat(raised.urgency()).isEqualTo(Urgency.IMMINENT);
    assertThat(raised.status())
        .as("needs a fresh acknowledgement")
        .isEqualTo(EscalationStatus.OPEN);
    assertThat(
            jdbc.sql("select count(*) from escalation_page where escalation_id = ? and step > 0")
                .param(e.id())
                .query(Integer.class)
                .single())
        .as("the on-call chain is paged again")
        .isPositive();
    List<String> deadlines = scheduled(EscalationTasks.DEADLINE, e.id());
    deadlines.removeAll(deadlinesBefore);
    assertThat(deadlines).as("a deadline for the new round").isNotEmpty();
    Instant due =
        jdbc.sql("select execution_time from scheduled_tasks where task_instance = ?")
            .param(deadlines.get(0))
            .query(Timestamp.class)
            .single()
            .toInstant();
    assertThat(due).isBefore(Instant.now().plusSeconds(150)); // imminent: 2 minutes, not 10
    assertThat(sender.to(zhang.openid()))
        .anyMatch(t -> t.startsWith("【紧急") && t.contains("药已经吃下去了"));
    assertThat(handoffs.state(parent.id())).isEqualTo(State.COUNSELOR);

    assertThat(send(zhang.openid(), "接 " + e.id()).text()).contains("已确认");
    assertThat(joinedNotices(parent)).as("no second 'joined' notice").isEqualTo(joined);
  }

  private int joinedNotices(Person parent) {
    return (int) sender.to(parent.openid()).stream().filter(t -> t.contains("已加入对话")).count();
  }
}
