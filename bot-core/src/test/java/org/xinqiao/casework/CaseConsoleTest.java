package org.xinqiao.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xinqiao.escalation.Escalation;
import org.xinqiao.escalation.EscalationContext;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.xinqiao.testsupport.ConsoleLogins;

/**
 * The case pages over the escalation tests' context (real H2 store, real pipeline): opening a case
 * from an escalation, who sees it, the audit trail, closing rules and follow-up reminders.
 */
class CaseConsoleTest extends EscalationContext {

  @Autowired WebApplicationContext web;
  @Autowired DataSource dataSource;
  @Autowired OneTimeTask<FollowupDue> reminderTask;
  @Autowired java.time.Clock clock;

  MockMvc mvc;

  @BeforeEach
  void console() {
    mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
  }

  @Test
  void aCaseOpenedFromAnEscalationIsSeenOnlyByItsCounselorsAndTheLeadAndEveryViewIsAudited()
      throws Exception {
    Escalation e = distress();
    Person zhang = counselor("张老师");
    var asZhang = as(zhang.id(), Role.COUNSELOR);
    long caseId = open(asZhang, e);

    mvc.perform(get("/console/cases/" + caseId).with(asZhang))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("四(1)班 LM")))
        .andExpect(content().string(containsString("/console/escalations/" + e.id())));

    var other = newStaff(Role.COUNSELOR);
    mvc.perform(get("/console/cases/" + caseId).with(other)).andExpect(status().isNotFound());
    mvc.perform(
            post("/console/cases/" + caseId + "/notes")
                .param("body", "偷看")
                .with(other)
                .with(csrf()))
        .andExpect(flash().attribute("problem", containsString("权限")));
    mvc.perform(get("/console/cases").with(other))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("四(1)班 LM"))));
    mvc.perform(get("/console/cases/" + caseId).with(newStaff(Role.ADMIN)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/console/cases/" + caseId).with(newStaff(Role.LEAD_COUNSELOR)))
        .andExpect(status().isOk());

    assertThat(audited(caseId, "case.viewed")).isEqualTo(2);
    assertThat(audited(caseId, "case.access-denied")).isEqualTo(2);
    assertThat(audited(caseId, "case.opened")).isOne();
    assertThat(noteBodiesInAudit(caseId)).as("the audit never holds a note").isZero();
  }

  @Test
  void notesAreDatedWithTheirAuthorAndClosingNeedsAnOutcome() throws Exception {
    Person zhang = counselor("张老师");
    var asZhang = as(zhang.id(), Role.COUNSELOR);
    long caseId = open(asZhang, distress());
    mvc.perform(
            post("/console/cases/" + caseId + "/notes")
                .param("body", "与家长通话，孩子情绪平稳")
                .with(asZhang)
                .with(csrf()))
        .andExpect(flash().attribute("notice", "记录已保存。"));
    mvc.perform(post("/console/cases/" + caseId + "/close").with(asZhang).with(csrf()))
        .andExpect(flash().attribute("problem", containsString("结案结果")));
    mvc.perform(
            post("/console/cases/" + caseId + "/close")
                .param("outcome", "IMPROVED")
                .with(asZhang)
                .with(csrf()))
        .andExpect(flash().attribute("notice", "个案已结案。"));
    mvc.perform(get("/console/cases/" + caseId).with(asZhang))
        .andExpect(content().string(containsString("与家长通话，孩子情绪平稳")))
        .andExpect(content().string(containsString("<td>测试</td>")))
        .andExpect(content().string(containsString("已结案：情况好转")));
  }

  @Test
  void aCaseLinkedToAnUndecidedAbuseEscalationCannotBeClosed() throws Exception {
    Person parent = parent();
    send(parent.openid(), "孩子说继父晚上摸她");
    Escalation abuse = escalationOf(parent);
    Person zhang = counselor("张老师");
    var asZhang = as(zhang.id(), Role.COUNSELOR);
    long caseId = open(asZhang, abuse);
    mvc.perform(
            post("/console/cases/" + caseId + "/close")
                .param("outcome", "IMPROVED")
                .with(asZhang)
                .with(csrf()))
        .andExpect(flash().attribute("problem", containsString("强制报告")));
    assertThat(caseStatus(caseId)).isEqualTo("OPEN");
  }

  @Test
  void aLaterEscalationFromTheSameAccountJoinsItsOpenCase() throws Exception {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation first = escalationOf(parent);
    Person zhang = counselor("张老师");
    long caseId = open(as(zhang.id(), Role.COUNSELOR), first);
    jdbc.sql("update escalation set status = 'CLOSED' where id = ?").param(first.id()).update();
    send(parent.openid(), "她又说不想活了");
    Escalation second = escalationOf(parent);
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(
            jdbc.sql("select ref_id from case_link where case_id = ? and kind = 'ESCALATION'")
                .param(caseId)
                .query(Long.class)
                .list())
        .containsExactlyInAnyOrder(first.id(), second.id());
  }

  @Test
  void aFollowUpReminderReachesTheAssignedCounselorOnceAcrossTwoInstances() throws Exception {
    Person zhang = counselor("张老师");
    var asZhang = as(zhang.id(), Role.COUNSELOR);
    long caseId = open(asZhang, distress());
    LocalDateTime soon = LocalDateTime.now(clock).plusSeconds(2);
    mvc.perform(
            post("/console/cases/" + caseId + "/followups")
                .param("due", soon.withNano(0).toString())
                .param("what", "回访家长")
                .with(asZhang)
                .with(csrf()))
        .andExpect(flash().attribute("notice", containsString("跟进计划已保存")));

    List<Scheduler> two =
        IntStream.range(0, 2)
            .mapToObj(
                i ->
                    Scheduler.create(dataSource, List.of(reminderTask))
                        .schedulerName(new SchedulerName.Fixed("case" + i))
                        .pollingInterval(Duration.ofMillis(100))
                        .threads(2)
                        .build())
            .toList();
    two.forEach(Scheduler::start);
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (reminders(zhang, caseId) == 0) {
        assertThat(System.nanoTime()).as("no reminder in time").isLessThan(deadline);
        Thread.sleep(100);
      }
      Thread.sleep(1500);
    } finally {
      two.forEach(Scheduler::stop);
    }
    assertThat(reminders(zhang, caseId)).isOne();
    assertThat(audited(caseId, "case.followup-reminded")).isOne();
  }

  private Escalation distress() {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    return escalationOf(parent);
  }

  private long open(RequestPostProcessor staff, Escalation e) throws Exception {
    String location =
        mvc.perform(
                post("/console/cases")
                    .param("via", "ESCALATION")
                    .param("ref", Long.toString(e.id()))
                    .param("label", "四(1)班 lm")
                    .with(staff)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).matches("/console/cases/\\d+");
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  private long reminders(Person counselor, long caseId) {
    return sender.to(counselor.openid()).stream()
        .filter(t -> t.contains("个案 #" + caseId + " "))
        .count();
  }

  private String caseStatus(long caseId) {
    return jdbc.sql("select status from casework_case where id = ?")
        .param(caseId)
        .query(String.class)
        .single();
  }

  private long audited(long caseId, String action) {
    return jdbc.sql(
            "select count(*) from audit_log where subject_type = 'case' and subject_id = ?"
                + " and action = ?")
        .params(Long.toString(caseId), action)
        .query(Long.class)
        .single();
  }

  private long noteBodiesInAudit(long caseId) {
    return jdbc.sql("select count(*) from audit_log where detail like '%偷看%'")
        .query(Long.class)
        .single();
  }

  private static RequestPostProcessor as(long personId, Role role) {
    return authentication(ConsoleLogins.as(personId, role));
  }

  private RequestPostProcessor newStaff(Role role) {
    return authentication(ConsoleLogins.as(jdbc, role));
  }
}
