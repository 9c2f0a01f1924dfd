package org.xinqiao.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinqiao.conversation.Turn;
import org.xinqiao.people.Person;
import org.xinqiao.store.AuditLog;

/** From a distress message to a page, an acknowledgement, a held chat and a closed record. */
class EscalationFlowTest extends EscalationContext {

  @Autowired EscalationPaging paging;
  @Autowired SchedulerClient scheduler;
  @Autowired TransactionTemplate tx;
  @Autowired AuditLog audit;

  @Test
  void distressMessageRaisesAnEscalationWithTranscriptAndScheduledPagesInOneTransaction() {
    Person parent = parent();
    send(parent.openid(), "孩子最近总是一个人哭");
    assertThat(send(parent.openid(), "女儿说她不想活了").text()).isEqualTo("SAFE-HIGH");

    Escalation e = escalationOf(parent);
    assertThat(e.status()).isEqualTo(EscalationStatus.OPEN);
    assertThat(e.urgency()).isEqualTo(Urgency.HIGH);
    assertThat(e.categories()).containsExactly("suicide");
    assertThat(e.personRole()).isEqualTo("PARENT");
    assertThat(escalations.transcript(e.id()))
        .extracting(l -> l.body())
        .contains("孩子最近总是一个人哭", "女儿说她不想活了");
    // step 0: first on the rota (张老师) by simulator and WeCom app, the group robot; next deadline
    assertThat(scheduled(EscalationTasks.PAGE, e.id()))
        .containsExactlyInAnyOrder(
            "e" + e.id() + "-s0-simulator-张老师",
            "e" + e.id() + "-s0-wecom-app-张老师",
            "e" + e.id() + "-s0-wecom-robot-team");
    assertThat(scheduled(EscalationTasks.DEADLINE, e.id())).containsExactly("e" + e.id() + "-s1");
    assertThat(audit.recentBySubject("escalation", Long.toString(e.id()), 5))
        .extracting(a -> a.action())
        .contains("escalation.raised");
  }

  @Test
  void aRolledBackMessageLeavesNoEscalationAndNoPageScheduled() {
    Person parent = parent();
    long messageId = lastMessageId(parent);
    Long id =
        tx.execute(
            status -> {
              long raised =
                  escalations.raise(turn(parent, messageId), Urgency.IMMINENT, Set.of("suicide"));
              assertThat(scheduled(EscalationTasks.PAGE, raised)).isNotEmpty();
              status.setRollbackOnly();
              return raised;
            });
    assertThat(escalations.find(id)).isEmpty();
    assertThat(scheduled(EscalationTasks.PAGE, id)).isEmpty();
    assertThat(scheduled(EscalationTasks.DEADLINE, id)).isEmpty();
  }

  @Test
  void pageSaysWhatKindOfRiskButNeverWhatWasWritten() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    deliverDuePages(e.id());

    List<String> toZhang = sender.to("o_counselor_张老师");
    String page = toZhang.get(toZhang.size() - 1);
    assertThat(page)
        .isEqualTo("心桥紧急提醒 #" + e.id() + "：高风险（自杀相关），家长，请尽快登录控制台处理，回复“接 " + e.id() + "”确认");
    assertThat(wecom.appMessages).anyMatch(m -> m.contains("#" + e.id()) && m.contains("zhang"));
    assertThat(wecom.appMessages).noneMatch(m -> m.contains("不想活"));
  }

  @Test
  void aFailingChannelDoesNotStopTheOthersAndTheFailureIsRecorded() {
    counselor("张老师");
    Person parent = parent();
    send(parent.openid(), "我在楼顶");
    Escalation e = escalationOf(parent);
    wecom.robotBroken = true;
    try {
      List<String> failed = deliverDuePages(e.id());
      assertThat(failed).containsExactly("wecom-robot");
    } finally {
      wecom.robotBroken = false;
    }
    assertThat(sender.to("o_counselor_张老师")).anyMatch(t -> t.contains("#" + e.id()));
    assertThat(wecom.appMessages).anyMatch(m -> m.contains("#" + e.id()));
    assertThat(
            jdbc.sql("select channel || ':' || status from escalation_page where escalation_id = ?")
                .param(e.id())
                .query(String.class)
                .list())
        .containsExactlyInAnyOrder("simulator:SENT", "wecom-app:SENT", "wecom-robot:FAILING");
    assertThat(audit.recentBySubject("escalation", Long.toString(e.id()), 10))
        .anyMatch(a -> a.action().equals("escalation.page.failed") && a.detail().contains("93000"));
  }

  @Test
  void nobodyAcknowledgingClimbsTheRotaThenPagesTheWholeTeam() {
    Person parent = parent();
    send(parent.openid(), "我在楼顶");
    Escalation e = escalationOf(parent);

    paging.deadlinePassed(new AckDeadline(e.id(), 1));
    assertThat(scheduled(EscalationTasks.PAGE, e.id()))
        .contains("e" + e.id() + "-s1-wecom-app-李老师")
        .doesNotContain("e" + e.id() + "-s1-wecom-robot-team");
    paging.deadlinePassed(new AckDeadline(e.id(), 2));
    assertThat(scheduled(EscalationTasks.PAGE, e.id()))
        .contains(
            "e" + e.id() + "-s2-wecom-app-张老师",
            "e" + e.id() + "-s2-wecom-app-李老师",
            "e" + e.id() + "-s2-wecom-robot-team");
    assertThat(scheduled(EscalationTasks.DEADLINE, e.id())).contains("e" + e.id() + "-s3");
    // a deadline that fires twice (a revived execution) does not page twice
    paging.deadlinePassed(new AckDeadline(e.id(), 2));
    assertThat(
            jdbc.sql("select count(*) from escalation_page where escalation_id = ? and step = 2")
                .param(e.id())
                .query(Long.class)
                .single())
        .isEqualTo(5L); // simulator and app for each counselor, one robot: nothing twice
  }

  @Test
  void anAcknowledgedEscalationStopsClimbing() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    Person zhang = counselor("张老师");
    send(zhang.openid(), "接 " + e.id());
    paging.deadlinePassed(new AckDeadline(e.id(), 1));
    assertThat(scheduled(EscalationTasks.PAGE, e.id())).noneMatch(i -> i.contains("-s1-"));
  }

  @Test
  void aFurtherDistressMessageJoinsTheOpenEscalationAndRaisesItsUrgency() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    send(parent.openid(), "她现在在楼顶");
    List<Long> ids =
        jdbc.sql("select id from escalation where person_id = ?")
            .param(parent.id())
            .query(Long.class)
            .list();
    assertThat(ids).hasSize(1);
    Escalation e = escalations.find(ids.get(0)).orElseThrow();
    assertThat(e.urgency()).isEqualTo(Urgency.IMMINENT);
    assertThat(escalations.transcript(e.id())).extracting(l -> l.body()).contains("她现在在楼顶");
  }

  @Test
  void abuseOfAMinorIsFlaggedAsAPossibleMandatoryReport() {
    Person parent = parent();
    send(parent.openid(), "孩子说继父晚上摸她");
    Escalation e = escalationOf(parent);
    assertThat(e.mandatoryReport()).isTrue();
    assertThat(paging.pageText(e)).contains("疑似性侵害").contains("强制报告").doesNotContain("继父");
  }

  @Test
  void forgettingThePersonKeepsTheSafeguardingRecord() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    people.forget(parent);
    assertThat(escalations.find(e.id())).isPresent();
    assertThat(escalations.transcript(e.id())).extracting(l -> l.body()).contains("女儿说她不想活了");
  }

  /** Runs every page of the escalation still in the outbox; returns the channels that failed. */
  List<String> deliverDuePages(long escalationId) {
    List<String> failed = new java.util.ArrayList<>();
    scheduler.getScheduledExecutionsForTask(EscalationTasks.PAGE, PageOrder.class).stream()
        .map(x -> x.getData())
        .filter(o -> o.escalationId() == escalationId)
        .forEach(
            o -> {
              try {
                paging.deliver(o);
              } catch (EscalationPaging.PageFailed f) {
                failed.add(o.channel());
              }
            });
    return failed;
  }

  long pagesAt(long escalationId, int step) {
    return jdbc.sql("select count(*) from escalation_page where escalation_id = ? and step = ?")
        .params(escalationId, step)
        .query(Long.class)
        .single();
  }

  long lastMessageId(Person p) {
    return jdbc.sql("select max(id) from message where person_id = ?")
        .param(p.id())
        .query(Long.class)
        .single();
  }

  static Turn turn(Person p, long messageId) {
    return new Turn(
        p,
        org.xinqiao.channels.InboundMessage.text(
            "wechat", "app", p.openid(), "x", "t-" + messageId, java.time.Instant.now()),
        messageId);
  }
}
