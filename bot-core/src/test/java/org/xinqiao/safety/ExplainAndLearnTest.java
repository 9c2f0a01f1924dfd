package org.xinqiao.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.xinqiao.cli.XinQiaoCli;
import org.xinqiao.people.Role;

/**
 * Explain and learn (issue 9 item 7) through the real console, stores and index: the escalation
 * page says why; a counselor's false alarm or missed mark becomes a candidate that is applied only
 * after review, and accepted candidates export as exemplar lines.
 */
class ExplainAndLearnTest extends SafetyContext {

  @Autowired MockMvc mvc;
  @Autowired RiskAssessor assessor;

  @Test
  void theEscalationPageShowsTheRuleAndTheNearestExemplarsWithTheirText() throws Exception {
    String parent = consentedParent();
    String text =
        Stream.of("想结束这一切", "我想让一切都结束", "孩子总说想让一切都停下来")
            .filter(
                t ->
                    assessor.assess(t).why().stream()
                        .anyMatch(r -> r.layer() == Reason.Layer.EXEMPLAR))
            .filter(t -> assessor.assess(t).atLeast(RiskLevel.HIGH))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no candidate raised by exemplars any more"));
    send(parent, text);
    long id = escalations(parent).get(0);
    Reason nearest =
        assessor.assess(text).why().stream()
            .filter(r -> r.layer() == Reason.Layer.EXEMPLAR)
            .findFirst()
            .orElseThrow();

    String page = page("/console/escalations/" + id, Role.COUNSELOR);
    assertThat(page)
        .contains("为什么提醒", "相似样例", nearest.ref())
        .contains(String.format(java.util.Locale.ROOT, "%.2f", nearest.score()))
        .contains(escapeHtml(assessor.exemplarText(nearest.ref()).orElseThrow()));

    String other = consentedParent();
    send(other, "女儿昨晚哭着说她不想活了，想去死");
    String rulePage = page("/console/escalations/" + escalations(other).get(0), Role.COUNSELOR);
    assertThat(rulePage).contains("规则");
    assertThat(assessor.assess("女儿昨晚哭着说她不想活了，想去死").ruleIds()).anyMatch(rulePage::contains);
  }

  @Test
  void verdictsBecomeCandidatesThatApplyOnlyAfterReview() throws Exception {
    String parent = consentedParent();
    send(parent, "王小明同学最近不太爱说话，他才9岁");
    send(parent, "女儿昨晚哭着说她不想活了，想去死");
    long id = escalations(parent).get(0);
    long quiet = messageId(parent, "王小明同学最近不太爱说话，他才9岁");
    long raised = messageId(parent, "女儿昨晚哭着说她不想活了，想去死");

    mark(id, quiet, "false_alarm", null, null); // it did not raise: refused
    assertThat(candidates(id)).isEmpty();

    mark(id, raised, "false_alarm", null, null);
    mark(id, quiet, "missed", "concern", "distress");
    mark(id, quiet, "missed", "high", "suicide"); // a second verdict on one line: refused
    assertThat(candidates(id))
        .containsExactly(
            "FALSE_ALARM:none:-:PENDING:女儿昨晚哭着说她不想活了，想去死",
            "MISSED:concern:distress:PENDING:＊同学最近不太爱说话，他才＊岁");

    String queue = page("/console/safety/candidates", Role.ADMIN);
    assertThat(queue).contains("待审核", "＊同学最近不太爱说话，他才＊岁").doesNotContain("王小明");
    mvc.perform(get("/console/safety/candidates").with(authentication(as(Role.TEACHER))))
        .andExpect(status().isForbidden());

    long missed = candidateId(id, quiet);
    long falseAlarm = candidateId(id, raised);
    assertThat(assessor.exemplarText("reviewed:" + missed)).isEmpty();
    review(missed, "accept");
    review(falseAlarm, "reject");
    assertThat(candidates(id))
        .containsExactly(
            "FALSE_ALARM:none:-:REJECTED:", "MISSED:concern:distress:ACCEPTED:＊同学最近不太爱说话，他才＊岁");
    assertThat(assessor.exemplarText("reviewed:" + missed)).contains("＊同学最近不太爱说话，他才＊岁");
    assertThat(
            jdbc.sql(
                    "select action from audit_log where subject_type = 'exemplar_candidate'"
                        + " and subject_id in (?, ?) order by id")
                .params(Long.toString(missed), Long.toString(falseAlarm))
                .query(String.class)
                .list())
        .contains(
            "safety.candidate.proposed", "safety.candidate.accepted", "safety.candidate.rejected");
  }

  @Test
  void acceptedCandidatesExportAsExemplarLines(@TempDir Path dir) throws Exception {
    String parent = consentedParent();
    send(parent, "孩子说在学校被人关在厕所里，不敢去上学了");
    send(parent, "女儿昨晚哭着说她不想活了，想去死");
    long id = escalations(parent).get(0);
    mark(id, messageId(parent, "孩子说在学校被人关在厕所里，不敢去上学了"), "missed", "high", "bullying");
    review(candidateId(id, messageId(parent, "孩子说在学校被人关在厕所里，不敢去上学了")), "accept");

    Path file = dir.resolve("reviewed.tsv");
    int exit =
        XinQiaoCli.run(
            new String[] {
              "safety",
              "candidates",
              "--export",
              file.toString(),
              "--xinqiao.db.url=jdbc:h2:mem:safety-e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
              "--xinqiao.simulator.enabled=false"
            });
    assertThat(exit).isZero();
    List<Exemplar> lines =
        ExemplarFiles.read(
            "reviewed.tsv", new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    assertThat(lines)
        .anyMatch(
            e ->
                e.text().equals("孩子说在学校被人关在厕所里，不敢去上学了")
                    && e.level() == RiskLevel.HIGH
                    && e.categories().contains(RiskCategory.BULLYING)
                    && e.source().equals("counselor"));
  }

  private void mark(long escalation, long message, String verdict, String level, String category)
      throws Exception {
    var request =
        post("/console/safety/candidates")
            .with(csrf())
            .with(authentication(as(Role.COUNSELOR)))
            .param("escalation", Long.toString(escalation))
            .param("message", Long.toString(message))
            .param("verdict", verdict)
            .param("person", "third");
    if (level != null) {
      request = request.param("level", level).param("category", category);
    }
    mvc.perform(request).andExpect(status().is3xxRedirection());
  }

  private void review(long candidate, String action) throws Exception {
    mvc.perform(
            post("/console/safety/candidates/" + candidate + "/" + action)
                .with(csrf())
                .with(authentication(as(Role.COUNSELOR))))
        .andExpect(status().is3xxRedirection());
  }

  private String page(String path, Role role) throws Exception {
    return mvc.perform(get(path).with(authentication(as(role))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private List<String> candidates(long escalation) {
    return jdbc.sql(
            "select verdict || ':' || level || ':' || category || ':' || status || ':' || body"
                + " from exemplar_candidate where escalation_id = ? order by verdict, id")
        .param(escalation)
        .query(String.class)
        .list();
  }

  private long candidateId(long escalation, long message) {
    return jdbc.sql("select id from exemplar_candidate where escalation_id = ? and message_id = ?")
        .params(escalation, message)
        .query(Long.class)
        .single();
  }

  private long messageId(String openid, String body) {
    return jdbc.sql(
            "select m.id from message m join person p on p.id = m.person_id"
                + " where p.openid = ? and m.body = ? and m.direction = 'IN'")
        .params(openid, body)
        .query(Long.class)
        .single();
  }

  private static String escapeHtml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** A real member of staff: the console checks the current role on every request. */
  private UsernamePasswordAuthenticationToken as(Role role) {
    return org.xinqiao.testsupport.ConsoleLogins.as(jdbc, role, "王老师");
  }
}
