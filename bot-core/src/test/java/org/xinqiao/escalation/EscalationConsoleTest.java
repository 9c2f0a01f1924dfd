package org.xinqiao.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinqiao.console.StaffPrincipal;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/** The escalation detail page without a browser: what it shows first, and a bad close form. */
class EscalationConsoleTest extends EscalationContext {

  @Autowired MockMvc mvc;

  @Test
  void theDetailShowsTheTriggeringMessageFirstAndHighlighted() throws Exception {
    Person parent = parent();
    send(parent.openid(), "最近孩子睡得不好");
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);

    String page = page(get("/console/escalations/" + e.id()));
    int trigger = page.indexOf("id=\"trigger\"");
    assertThat(trigger).isPositive().isLessThan(page.indexOf("id=\"transcript\""));
    assertThat(page.substring(trigger, page.indexOf("id=\"transcript\"")))
        .contains("女儿说她不想活了")
        .doesNotContain("最近孩子睡得不好");
    assertThat(page).containsPattern("<tr class=\"trigger\">\\s*<td>家长</td>\\s*<td>女儿说她不想活了");
  }

  @Test
  void closingWithoutAnOutcomeSaysSoOnThePageAndKeepsTheCaseOpen() throws Exception {
    Person parent = parent();
    send(parent.openid(), "女儿说她不想活了");
    Escalation e = escalationOf(parent);

    for (String outcome : new String[] {null, "", "NOT_AN_OUTCOME"}) {
      var request =
          post("/console/escalations/" + e.id() + "/close").with(csrf()).with(counselor());
      if (outcome != null) {
        request.param("outcome", outcome);
      }
      MvcResult r = mvc.perform(request).andReturn();
      assertThat(r.getResponse().getStatus()).isEqualTo(302);
      assertThat(r.getFlashMap().get("problem").toString()).contains("请先选择结案结果");
    }
    assertThat(escalations.find(e.id()).orElseThrow().status())
        .isNotEqualTo(EscalationStatus.CLOSED);
  }

  private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b)
      throws Exception {
    MvcResult r = mvc.perform(b.with(counselor())).andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private RequestPostProcessor counselor() {
    StaffPrincipal principal = new StaffPrincipal(counselor("张老师").id(), "张老师", Role.COUNSELOR);
    return authentication(
        new UsernamePasswordAuthenticationToken(
            principal, null, List.of(new SimpleGrantedAuthority(principal.authority()))));
  }
}
