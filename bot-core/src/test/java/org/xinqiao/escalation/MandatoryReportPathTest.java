package org.xinqiao.escalation;

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
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.xinqiao.testsupport.ConsoleLogins;

/**
 * The mandatory-report path end to end: a parent passes on a child's disclosure of abuse through
 * the WeChat pipeline, the safeguarding lead (enrolled in the chat) is paged at once and never the
 * family, the escalation cannot be closed until a decision is recorded, "not required" needs a
 * second person, and the deadline re-pages exactly once across two scheduler instances.
 */
class MandatoryReportPathTest extends EscalationContext {

  private static final Pattern CODE = Pattern.compile("绑定 (\\d{8})");

  @Autowired WebApplicationContext web;
  @Autowired DataSource dataSource;
  @Autowired SchedulerClient scheduler;
  @Autowired OneTimeTask<SafeguardingOrder> safeguardingPageTask;
  @Autowired OneTimeTask<SafeguardingOrder> safeguardingDeadlineTask;

  MockMvc mvc;

  @BeforeEach
  void console() {
    mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
  }

  @Test
  void abuseDisclosurePagesTheSafeguardingLeadAndCannotCloseUntilASecondPersonConfirms()
      throws Exception {
    Person lead = safeguardingLead();
    Person parent = parent();
    send(parent.openid(), "孩子说继父晚上摸她");
    Escalation e = escalationOf(parent);
    assertThat(e.mandatoryReport()).isTrue();

    runSchedulers(1, () -> pagesFor(lead, e, "可能需要依法强制报告") == 1);
    assertThat(sender.to(parent.openid()))
        .as("the family's account never receives the page")
        .noneMatch(t -> t.contains("强制报告提醒"));
    assertThat(pagesFor(lead, e, "继父")).as("the page never quotes the message").isZero();

    Person zhang = counselor("张老师");
    var asZhang = as(zhang.id(), Role.COUNSELOR);
    mvc.perform(
            post("/console/escalations/" + e.id() + "/close")
                .param("outcome", "FALSE_ALARM")
                .with(asZhang)
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("problem", containsString("强制报告")));
    assertThat(escalations.find(e.id()).orElseThrow().status())
        .isNotEqualTo(EscalationStatus.CLOSED);
    mvc.perform(get("/console/escalations/" + e.id()).with(asZhang))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("尚未记录报告决定")));

    mvc.perform(
            post("/console/escalations/" + e.id() + "/report")
                .param("decision", "NOT_REQUIRED")
                .with(asZhang)
                .with(csrf()))
        .andExpect(flash().attribute("problem", containsString("理由")));
    mvc.perform(
            post("/console/escalations/" + e.id() + "/report")
                .param("decision", "NOT_REQUIRED")
                .param("reason", "已与班主任核实，为孩子转述的动画情节")
                .with(asZhang)
                .with(csrf()))
        .andExpect(flash().attribute("notice", containsString("已记录")));
    assertThat(escalations.close(e.id(), zhang.id(), "张老师", Outcome.FALSE_ALARM, null))
        .as("not yet confirmed by a second person")
        .isEqualTo(Escalations.Closing.REPORT_DECISION_MISSING);
    mvc.perform(
            post("/console/escalations/" + e.id() + "/report/confirm").with(asZhang).with(csrf()))
        .andExpect(flash().attribute("problem", containsString("另一位老师")));

    mvc.perform(
            post("/console/escalations/" + e.id() + "/report/confirm")
                .with(as(lead.id(), Role.SAFEGUARDING))
                .with(csrf()))
        .andExpect(flash().attribute("notice", containsString("已记录")));
    mvc.perform(
            post("/console/escalations/" + e.id() + "/close")
                .param("outcome", "FALSE_ALARM")
                .with(asZhang)
                .with(csrf()))
        .andExpect(flash().attribute("notice", containsString("已结案")));
    assertThat(escalations.find(e.id()).orElseThrow().status()).isEqualTo(EscalationStatus.CLOSED);
    assertThat(audited(e, "mandatory-report.decided")).isOne();
    assertThat(audited(e, "mandatory-report.confirmed")).isOne();
    assertThat(audited(e, "escalation.close-refused")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void anUndecidedReportRepagesTheLeadAtTheDeadlineOnceAcrossTwoInstances() throws Exception {
    Person lead = safeguardingLead();
    Person parent = parent();
    send(parent.openid(), "孩子说继父晚上摸她");
    Escalation e = escalationOf(parent);
    assertThat(e.mandatoryReport()).isTrue();
    List<String> deadlines =
        jdbc.sql(
                "select task_instance from scheduled_tasks where task_name = ? and task_instance"
                    + " like ?")
            .params(SafeguardingTasks.DEADLINE, "e" + e.id() + "-%")
            .query(String.class)
            .list();
    assertThat(deadlines).containsExactly("e" + e.id() + "-r1");
    scheduler.reschedule(
        new com.github.kagkarlsson.scheduler.task.TaskInstance<>(
            SafeguardingTasks.DEADLINE, "e" + e.id() + "-r1"),
        Instant.now());

    runSchedulers(2, () -> pagesFor(lead, e, "报告决定还没有记录") >= 1);
    assertThat(pagesFor(lead, e, "报告决定还没有记录")).isOne();
    assertThat(audited(e, "safeguarding.decision-overdue")).isOne();
    assertThat(
            jdbc.sql(
                    "select count(*) from scheduled_tasks where task_name = ? and task_instance = ?")
                .params(SafeguardingTasks.DEADLINE, "e" + e.id() + "-r2")
                .query(Long.class)
                .single())
        .as("and the next deadline is set")
        .isOne();
  }

  /** The safeguarding lead, enrolled by the admin in the chat ("邀请 保护负责人 王校长"). */
  private synchronized Person safeguardingLead() {
    String openid = "o_safeguarding_王校长";
    var existing = people.find("wechat", openid);
    if (existing.isPresent() && existing.get().role() == Role.SAFEGUARDING) {
      return existing.get();
    }
    String invited = send("o_admin", "邀请 保护负责人 王校长").text();
    Matcher code = CODE.matcher(invited);
    assertThat(code.find()).as(invited).isTrue();
    send(openid, "你好");
    send(openid, "同意");
    assertThat(send(openid, "绑定 " + code.group(1)).text()).contains("保护负责人");
    return people.find("wechat", openid).orElseThrow();
  }

  private long pagesFor(Person lead, Escalation e, String phrase) {
    return sender.to(lead.openid()).stream()
        .filter(t -> t.contains("#" + e.id() + "：") && t.contains(phrase))
        .count();
  }

  private long audited(Escalation e, String action) {
    return jdbc.sql(
            "select count(*) from audit_log where subject_type = 'escalation' and subject_id = ?"
                + " and action = ?")
        .params(Long.toString(e.id()), action)
        .query(Long.class)
        .single();
  }

  /** Instances of the scheduler on the shared database, as on several servers, until done. */
  private void runSchedulers(int instances, BooleanSupplier done) throws InterruptedException {
    List<Scheduler> running =
        java.util.stream.IntStream.range(0, instances)
            .mapToObj(
                i ->
                    Scheduler.create(
                            dataSource, List.of(safeguardingPageTask, safeguardingDeadlineTask))
                        .schedulerName(
                            new com.github.kagkarlsson.scheduler.SchedulerName.Fixed("s" + i))
                        .pollingInterval(Duration.ofMillis(100))
                        .threads(2)
                        .build())
            .toList();
    running.forEach(Scheduler::start);
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!done.getAsBoolean()) {
        assertThat(System.nanoTime()).as("not done in time").isLessThan(deadline);
        Thread.sleep(100);
      }
      Thread.sleep(1500); // a second instance would have sent its copy by now
    } finally {
      running.forEach(Scheduler::stop);
    }
  }

  private static RequestPostProcessor as(long personId, Role role) {
    return authentication(ConsoleLogins.as(personId, role));
  }

  private RequestPostProcessor newStaff(Role role) {
    return authentication(ConsoleLogins.as(jdbc, role));
  }
}
