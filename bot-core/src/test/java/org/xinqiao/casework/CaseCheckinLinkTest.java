package org.xinqiao.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
 * Shared check-in results on a case page, over the escalation tests' context (real H2, real
 * pipeline, real console security): only a result its owner shared can be linked, only by the
 * case's counselors; the page shows which check-in, when and the band, never the answers; every
 * link and every look is audited.
 */
class CaseCheckinLinkTest extends EscalationContext {

  static final Instant TAKEN =
      Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

  @Autowired WebApplicationContext web;

  MockMvc mvc;
  Person parent;
  RequestPostProcessor zhang;
  long caseId;

  @BeforeEach
  void aCaseOpenedFromAParentsEscalation() throws Exception {
    mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
    parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);
    zhang = authentication(ConsoleLogins.as(counselor("张老师").id(), Role.COUNSELOR));
    String location =
        mvc.perform(
                post("/console/cases")
                    .param("via", "ESCALATION")
                    .param("ref", Long.toString(e.id()))
                    .param("label", "二(3)班 WY")
                    .with(zhang)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    caseId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  @Test
  void aCounselorLinksAResultTheParentSharedAndTheCaseShowsItsNameDateAndBandButNotTheAnswers()
      throws Exception {
    long shared = result(parent, true);
    long notShared = result(parent, false);

    mvc.perform(get(page()).with(zhang))
        .andExpect(content().string(containsString("link-checkin-" + shared)))
        .andExpect(content().string(not(containsString("link-checkin-" + notShared))));
    mvc.perform(link(shared).with(zhang)).andExpect(flash().attribute("notice", "已关联。"));

    String page = html(get(page()).with(zhang));
    String day = LocalDate.ofInstant(TAKEN, ZoneId.of("Asia/Shanghai")).toString();
    assertThat(page)
        .contains("心理自评结果")
        .contains("压力自查 · " + day + " · 有些压力 · " + parent.pseudonym())
        .contains("/console/checkins/shared/" + shared)
        .doesNotContain("link-checkin-" + shared);
    String answers = html(get("/console/checkins/shared/" + shared).with(zhang));
    assertThat(answers).as("the shared result's own page has the answers").contains("—— 有时");
    assertThat(page).as("the case page does not").doesNotContain("—— ").doesNotContain("有时");

    assertThat(audited("case", caseId, "case.linked")).isOne();
    assertThat(
            jdbc.sql("select detail from audit_log where action = 'case.linked' and subject_id = ?")
                .param(Long.toString(caseId))
                .query(String.class)
                .single())
        .isEqualTo("CHECKIN=" + shared);
    assertThat(audited("checkin_result", shared, "checkin.shared.viewed"))
        .as("the look from the case page, and the one on the result's page")
        .isEqualTo(2);
  }

  @Test
  void aResultNobodySharedCannotBeLinkedNorCanACounselorNotOnTheCase() throws Exception {
    long notShared = result(parent, false);
    long shared = result(parent, true);

    mvc.perform(link(notShared).with(zhang))
        .andExpect(flash().attribute("problem", containsString("只能关联本人选择“分享”")));
    mvc.perform(link(999_999).with(zhang))
        .andExpect(flash().attribute("problem", containsString("没有这份分享的自评结果")));
    RequestPostProcessor other = authentication(ConsoleLogins.as(jdbc, Role.COUNSELOR));
    mvc.perform(link(shared).with(other))
        .andExpect(flash().attribute("problem", containsString("权限")));
    mvc.perform(get(page()).with(authentication(ConsoleLogins.as(jdbc, Role.ADMIN))))
        .andExpect(status().isForbidden());

    assertThat(
            jdbc.sql("select count(*) from case_link where case_id = ? and kind = 'CHECKIN'")
                .param(caseId)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(audited("case", caseId, "case.access-denied")).isOne();
  }

  @Test
  void aLinkedResultItsOwnerDeletedIsShownAsDeleted() throws Exception {
    long shared = result(parent, true);
    mvc.perform(link(shared).with(zhang)).andExpect(flash().attribute("notice", "已关联。"));

    jdbc.sql("delete from checkin_result where id = ?").param(shared).update();

    mvc.perform(get(page()).with(zhang))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("这份结果已按本人要求或保存期限删除")))
        .andExpect(content().string(not(containsString("压力自查 · "))));
  }

  private String page() {
    return "/console/cases/" + caseId;
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder link(
      long ref) {
    return post(page() + "/links")
        .param("kind", "CHECKIN")
        .param("ref", Long.toString(ref))
        .with(csrf());
  }

  private String html(org.springframework.test.web.servlet.RequestBuilder request)
      throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** A stress self-check result (first answer 有时, band 有些压力), shared or not. */
  private long result(Person owner, boolean shared) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into checkin_result (person_id, checkin_id, complete, score, band_label,"
                + " worrying, answers, taken_at, shared_at)"
                + " values (?, 'stress-self-check', true, 6, '有些压力', false, '1,1,1,1,1,1', ?, ?)")
        .params(
            owner.id(),
            Timestamp.from(TAKEN),
            shared ? Timestamp.from(TAKEN.plusSeconds(30)) : null)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  private long audited(String subjectType, long subjectId, String action) {
    return jdbc.sql(
            "select count(*) from audit_log where subject_type = ? and subject_id = ?"
                + " and action = ?")
        .params(subjectType, Long.toString(subjectId), action)
        .query(Long.class)
        .single();
  }
}
