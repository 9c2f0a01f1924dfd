package org.xinqiao.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.checkin.CheckinChat;
import org.xinqiao.checkin.CheckinSpringTest;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.xinqiao.report.DataAudit;
import org.xinqiao.report.Report;

/**
 * 撤回同意 end to end: signed callbacks through the WeChat portal, the real pipeline, safety screen,
 * escalations and H2 (the check-in tests' context, reused). Withdrawing is not deleting, and it
 * never switches safety off.
 */
@CheckinSpringTest
class ConsentWithdrawalTest {

  static final String QUESTION = "孩子不想上学，早上一直哭怎么办";
  static final String NOTICE = "自动回复的助手";
  static final String SAFETY_HIGH_OPENING = "谢谢你告诉我们，这件事很重要。";

  @Autowired CheckinChat chat;
  @Autowired CheckinChat.RecordingSender sender;
  @Autowired JdbcClient jdbc;

  @Test
  void afterWithdrawingAQuestionGetsTheNoticeInsteadOfAnAnswerAndNothingIsDeleted() {
    String parent = chat.newPerson(Role.PARENT);
    String answer = chat.send(parent, QUESTION);
    assertThat(answer).isNotBlank().doesNotContain(NOTICE);
    chat.send(parent, "自评2");
    chat.send(parent, "取消");
    long messagesBefore = count("message", parent);

    assertThat(chat.send(parent, "撤回同意"))
        .contains("确认撤回")
        .contains("不会因此删除")
        .contains("人的安全比任何设置都重要");
    assertThat(chat.person(parent).hasConsented()).as("asking is not withdrawing").isTrue();
    String done = chat.send(parent, "确认撤回");

    assertThat(done).contains("已经撤回").contains("你的记录没有删除").contains("删除我的数据").contains("安全永远放在第一位");
    Person withdrawn = chat.person(parent);
    assertThat(withdrawn.hasConsented()).isFalse();
    assertThat(
            jdbc.sql("select consent_withdrawn_at from person where id = ?")
                .param(withdrawn.id())
                .query(java.sql.Timestamp.class)
                .single())
        .isNotNull();
    assertThat(count("message", parent)).as("their messages stay").isGreaterThan(messagesBefore);
    assertThat(audited(withdrawn, "consent-withdrawn")).isEqualTo(1);

    String after = chat.send(parent, QUESTION);
    assertThat(after).contains("你之前撤回了同意").contains(NOTICE).isNotEqualTo(answer);
    for (String command : List.of("自评", "预约", "本周文章", "活动", "帮助")) {
      assertThat(chat.send(parent, command)).as(command).contains("你之前撤回了同意").contains(NOTICE);
    }
    assertThat(chat.send(parent, "撤回同意")).contains("没有需要撤回的");
  }

  @Test
  void aRiskyMessageAfterWithdrawingIsStillScreenedAndEscalated() {
    chat.newPerson(Role.COUNSELOR);
    String parent = withdrawnParent();

    String reply = chat.send(parent, "女儿昨晚哭着说她不想活了，想去死");

    assertThat(reply).startsWith(SAFETY_HIGH_OPENING).contains("12356").doesNotContain(NOTICE);
    long escalation = escalationOf(parent);
    assertThat(
            jdbc.sql(
                    "select count(*) from scheduled_tasks where task_name = 'escalation-page'"
                        + " and task_instance like ?")
                .param("e" + escalation + "-%")
                .query(Integer.class)
                .single())
        .as("the counselors are paged")
        .isPositive();
  }

  @Test
  void aCounselorsHoldStillRelaysThePersonsMessagesAfterWithdrawing() {
    String counselor = chat.newPerson(Role.COUNSELOR);
    String parent = withdrawnParent();
    chat.send(parent, "女儿昨晚哭着说她不想活了，想去死");
    long escalation = escalationOf(parent);

    assertThat(chat.send(counselor, "接 " + escalation)).contains("已确认");
    // the bot stays quiet except for safety (which may still speak, reading the last messages)
    assertThat(chat.send(parent, "谢谢老师，她现在在房间里")).doesNotContain(NOTICE);

    assertThat(sender.sent)
        .as("relayed to the counselor who holds the chat")
        .anyMatch(s -> s.startsWith(counselor + "|") && s.contains("她现在在房间里"));
  }

  @Test
  void consentingAgainRestoresAnswersAndEndsTheWithdrawal() {
    String parent = withdrawnParent();
    Person before = chat.person(parent);

    assertThat(chat.send(parent, QUESTION)).contains("你之前撤回了同意");
    String again = chat.send(parent, "同意");

    assertThat(again).doesNotContain(NOTICE).doesNotContain("撤回");
    assertThat(chat.person(parent).hasConsented()).isTrue();
    assertThat(chat.send(parent, QUESTION)).doesNotContain(NOTICE).doesNotContain("撤回");
    assertThat(chat.send(parent, "自评")).contains("压力自查");
    assertThat(audited(before, "consent-renewed")).isEqualTo(1);
    assertThat(
            jdbc.sql("select consent_withdrawn_at from person where id = ?")
                .param(before.id())
                .query(java.sql.Timestamp.class)
                .optional()
                .orElse(null))
        .isNull();
  }

  @Test
  void someoneWhoWithdrewCanStillDeleteTheirData() {
    String parent = withdrawnParent();

    assertThat(chat.send(parent, "删除我的数据")).contains("确认删除");
    assertThat(chat.send(parent, "确认删除")).contains("已经删除");

    assertThat(
            jdbc.sql("select count(*) from person where openid = ?")
                .param(parent)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void staffWhoRunTheServiceAreToldThereIsNoConsentToWithdraw() {
    String counselor = chat.newPerson(Role.COUNSELOR);

    assertThat(chat.send(counselor, "撤回同意")).contains("心理老师").contains("没有可以撤回的同意");

    assertThat(chat.person(counselor).hasConsented()).isTrue();
  }

  @Test
  void theYearlyDataAuditCountsConsentWithdrawals() {
    for (int i = 0; i < 5; i++) {
      withdrawnParent();
    }
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    int year = LocalDate.now(zone).getYear();
    long thisYear =
        jdbc.sql("select count(*) from audit_log where action = 'consent-withdrawn' and at >= ?")
            .param(java.sql.Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant()))
            .query(Long.class)
            .single();

    Report audit = new DataAudit(jdbc).build(year, zone, Clock.system(zone));

    assertThat(thisYear).isGreaterThanOrEqualTo(5);
    assertThat(
            audit.sections().stream()
                .flatMap(s -> s.tables().stream())
                .flatMap(t -> t.rows().stream())
                .filter(r -> r.label().equals("撤回同意"))
                .findFirst()
                .orElseThrow()
                .cells())
        .containsExactly(Long.toString(thisYear));
  }

  private String withdrawnParent() {
    String parent = chat.newPerson(Role.PARENT);
    chat.send(parent, "撤回同意");
    assertThat(chat.send(parent, "确认撤回")).contains("已经撤回");
    return parent;
  }

  private long escalationOf(String openid) {
    return jdbc.sql("select id from escalation where person_id = ? order by id desc")
        .param(chat.person(openid).id())
        .query(Long.class)
        .list()
        .get(0);
  }

  private long count(String table, String openid) {
    return jdbc.sql("select count(*) from " + table + " where person_id = ?")
        .param(chat.person(openid).id())
        .query(Long.class)
        .single();
  }

  private int audited(Person p, String action) {
    return jdbc.sql("select count(*) from audit_log where actor = ? and action = ?")
        .params(p.pseudonym(), action)
        .query(Integer.class)
        .single();
  }
}
