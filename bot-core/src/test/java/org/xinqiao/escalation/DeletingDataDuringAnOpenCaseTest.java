package org.xinqiao.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xinqiao.people.Person;

/**
 * A parent deletes their data (删除我的数据) while their escalation is open: their messages and profile
 * go, but the contact is kept so the counselor's 接 N and 回 N still reach them; once the case is
 * closed the kept contact is deleted too.
 */
class DeletingDataDuringAnOpenCaseTest extends EscalationContext {

  @Test
  void theCounselorStillReachesAParentWhoDeletedTheirDataUntilTheCaseIsClosed() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);

    assertThat(send(parent.openid(), "删除我的数据").text()).contains("联系方式").contains("求助");
    assertThat(send(parent.openid(), "确认删除").text()).contains("暂时只保留了你的微信联系方式");
    assertThat(messagesOf(parent)).as("their messages are deleted").isZero();
    assertThat(people.find(parent.id()).orElseThrow().hasConsented()).isFalse();

    Person zhang = counselor("张老师");
    assertThat(send(zhang.openid(), "接 " + e.id()).text()).contains("已确认");
    assertThat(sender.to(parent.openid())).anyMatch(t -> t.startsWith("心理老师张老师已加入对话"));
    assertThat(send(zhang.openid(), "回 " + e.id() + " 您好，我是张老师，方便说话吗？").text()).contains("已发出");
    assertThat(sender.to(parent.openid())).anyMatch(t -> t.contains("方便说话吗"));

    assertThat(escalations.close(e.id(), zhang.id(), "张老师", Outcome.REFERRED, null)).isTrue();
    assertThat(sender.to(parent.openid())).anyMatch(t -> t.startsWith("心理老师张老师已结束这次对话"));
    assertThat(people.find(parent.id())).as("the kept contact goes with the case").isEmpty();
    assertThat(escalations.transcript(e.id())).as("the safeguarding record stays").isNotEmpty();
  }

  @Test
  void withoutAnOpenCaseDeletingRemovesThePersonEntirely() {
    Person parent = parent();
    send(parent.openid(), "删除我的数据");
    assertThat(send(parent.openid(), "确认删除").text()).doesNotContain("联系方式");
    assertThat(people.find(parent.id())).isEmpty();
  }

  private int messagesOf(Person p) {
    return jdbc.sql("select count(*) from message where person_id = ?")
        .param(p.id())
        .query(Integer.class)
        .single();
  }
}
