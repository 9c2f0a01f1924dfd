package org.xinqiao.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.conversation.MessagePipeline;
import org.xinqiao.people.Role;

/**
 * Authors close the loop from the console: similar unanswered questions grouped with counts, added
 * as a phrasing (written to the content folder, validated, reloaded, then answered in the chat),
 * marked out of scope (calibration additions) or noted as needing an entry; counselors sign entries
 * off. Writes go to the temporary content folder of {@link KnowledgeSpringTest}.
 */
class KnowledgeAuthoringTest extends KnowledgeSpringTest {

  @Autowired MockMvc mvc;
  @Autowired KnowledgeGaps gaps;
  @Autowired KnowledgeLibrary library;
  @Autowired MessagePipeline pipeline;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void noGaps() {
    jdbc.sql("delete from kb_gap").update();
  }

  @Test
  void similarQuestionsAreGroupedWithACountAndNumbersStayHidden() throws Exception {
    gaps.record("孩子这次数学只考了60分，我很着急", "NONE", List.of());
    gaps.record("孩子只考了六十分怎么办", "NONE", List.of());
    gaps.record("校服在哪里买", "NONE", List.of());
    String page =
        mvc.perform(get("/console/kb").with(authentication(as(Role.ADMIN))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    // The CSRF token is random text and may hold any digits, so look only at what the page shows.
    String shown = page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    assertThat(shown).contains("只考了＊分").doesNotContain("60").doesNotContain("六十");
    assertThat(page).containsPattern("孩子只考了＊分怎么办</span>\\s*<ul><li>孩子这次数学只考了＊分");
    assertThat(page).containsPattern("</ul></td>\\s*<td>2</td>");
  }

  @Test
  void aPhrasingAddedFromTheConsoleIsWrittenReloadedAndThenAnswered() throws Exception {
    gaps.record("娃放学回家就把自己关房间里打游戏，手机一收就摔门", "NONE", List.of());
    String ids = ids();
    mvc.perform(
            post("/console/kb/gaps/phrasing")
                .with(authentication(as(Role.ADMIN)))
                .with(csrf())
                .param("ids", ids)
                .param("entry", "screen-time")
                .param("question", "娃放学回家就把自己关房间里打游戏，手机一收就摔门"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("message", containsString("已把问法加入条目 screen-time")));
    assertThat(file("screen-time.md")).contains("  - 娃放学回家就把自己关房间里打游戏，手机一收就摔门\n");
    assertThat(library.knowledgeBase().entry("screen-time").orElseThrow().questions())
        .contains("娃放学回家就把自己关房间里打游戏，手机一收就摔门");
    assertThat(gaps.withStatus(KnowledgeGaps.Status.OPEN, 10)).isEmpty();
    assertThat(askAsParent("娃放学回家就把自己关房间里打游戏，手机一收就摔门")).startsWith("【手机、游戏与短视频】");
  }

  @Test
  void aPhrasingThatWouldBreakTheContentOrStillHasMasksIsRefused() throws Exception {
    gaps.record("孩子只考了60分", "NONE", List.of());
    String before = file("screen-time.md");
    mvc.perform(
            post("/console/kb/gaps/phrasing")
                .with(authentication(as(Role.ADMIN)))
                .with(csrf())
                .param("ids", ids())
                .param("entry", "screen-time")
                .param("question", "孩子只考了＊分"))
        .andExpect(flash().attribute("message", containsString("被隐藏的部分")));
    mvc.perform(
            post("/console/kb/gaps/phrasing")
                .with(authentication(as(Role.ADMIN)))
                .with(csrf())
                .param("ids", ids())
                .param("entry", "../etc/passwd")
                .param("question", "孩子考试没考好"))
        .andExpect(flash().attribute("message", "没有这个条目。"));
    assertThat(file("screen-time.md")).isEqualTo(before);
    assertThat(gaps.withStatus(KnowledgeGaps.Status.OPEN, 10)).hasSize(1);
  }

  @Test
  void outOfScopeQuestionsJoinTheCalibrationAdditions() throws Exception {
    gaps.record("学校的校车几点到站", "NONE", List.of());
    mvc.perform(
            post("/console/kb/gaps/out-of-scope")
                .with(authentication(as(Role.ADMIN)))
                .with(csrf())
                .param("ids", ids())
                .param("label", "admin"))
        .andExpect(flash().attribute("message", containsString("calibration-additions.tsv")));
    assertThat(file(ContentFolder.CALIBRATION_ADDITIONS)).contains("\n学校的校车几点到站\tadmin\n");
    assertThat(gaps.withStatus(KnowledgeGaps.Status.OUT_OF_SCOPE, 10)).hasSize(1);
  }

  @Test
  void aNeededEntryIsListedSeparately() throws Exception {
    gaps.record("孩子换牙期不爱说话", "NONE", List.of());
    mvc.perform(
            post("/console/kb/gaps/needs-entry")
                .with(authentication(as(Role.ADMIN)))
                .with(csrf())
                .param("ids", ids()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/console/kb").with(authentication(as(Role.ADMIN))))
        .andExpect(content().string(containsString("没有待处理的问题")))
        .andExpect(content().string(containsString("<td>孩子换牙期不爱说话</td>")));
  }

  @Test
  void onlyAdminsDecideAboutGapsAndOnlyCounselorsSignOff() throws Exception {
    mvc.perform(
            post("/console/kb/gaps/needs-entry")
                .with(authentication(as(Role.COUNSELOR)))
                .with(csrf())
                .param("ids", "1"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/console/kb/review/sign")
                .with(authentication(as(Role.ADMIN)))
                .with(csrf())
                .param("entry", "bullying"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/console/kb/review").with(authentication(as(Role.TEACHER))))
        .andExpect(status().isForbidden());
    mvc.perform(get("/console/kb").with(authentication(as(Role.COUNSELOR))))
        .andExpect(content().string(not(containsString("/console/kb/gaps/phrasing"))));
  }

  @Test
  void aCounselorSignsAnEntryOffFromTheConsole() throws Exception {
    mvc.perform(get("/console/kb/review").with(authentication(as(Role.COUNSELOR))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("anger-tantrums")))
        .andExpect(content().string(containsString("p01-new-term")));
    mvc.perform(
            post("/console/kb/review/sign")
                .with(authentication(as(Role.COUNSELOR)))
                .with(csrf())
                .param("entry", "anger-tantrums"))
        .andExpect(flash().attribute("message", containsString("已由 张老师 签字确认")));
    assertThat(file("anger-tantrums.md"))
        .containsPattern(
            "reviewed:\n  on: \\d{4}-\\d\\d-\\d\\d\n  by: 张老师\n  role: counselor\n---");
    assertThat(library.knowledgeBase().entry("anger-tantrums").orElseThrow().reviewed().signedOff())
        .isTrue();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_log where action = 'kb.sign-off' and subject_id = ?")
                .param("anger-tantrums")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    mvc.perform(get("/console/kb/review").with(authentication(as(Role.COUNSELOR))))
        .andExpect(content().string(containsString("<td>张老师</td>")));
  }

  private String ids() {
    return gaps.withStatus(KnowledgeGaps.Status.OPEN, 100).stream()
        .map(g -> String.valueOf(g.id()))
        .collect(Collectors.joining(","));
  }

  private String askAsParent(String question) {
    String openid = "o_" + UUID.randomUUID();
    for (String text : List.of("你好", "同意", question)) {
      String reply =
          pipeline
              .handle(
                  InboundMessage.text(
                      "wechat", "app", openid, text, UUID.randomUUID().toString(), Instant.now()))
              .text();
      if (text.equals(question)) {
        return reply;
      }
    }
    throw new AssertionError();
  }
}
