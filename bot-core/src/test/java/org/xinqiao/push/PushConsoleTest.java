package org.xinqiao.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.xinqiao.people.Role;
import org.xinqiao.testsupport.ConsoleLogins;

class PushConsoleTest extends PushSpringTest {

  @Autowired MockMvc mvc;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired WeeklyPush push;

  @Test
  void articlePagesArePublicAndUnknownOnesAre404() throws Exception {
    mvc.perform(get("/articles/p01-new-term"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("开学第一周")))
        .andExpect(content().string(containsString("<h2>")));
    mvc.perform(get("/articles/no-such-article")).andExpect(status().isNotFound());
  }

  @Test
  void onlyAdminsSeeThePushPage() throws Exception {
    mvc.perform(get("/console/push").with(authentication(as(Role.COUNSELOR))))
        .andExpect(status().isForbidden());
    mvc.perform(get("/console/push")).andExpect(status().is3xxRedirection());
  }

  @Test
  void pageShowsScheduleNextPushAndHistoryWithCounts() throws Exception {
    at(2, 0, 19, 0);
    push.check();
    PushRun run = jdbcRun("20250901-w2-parent");
    push.massSendFinished(run.msgId(), new PushRun.Delivery("send success", 10, 9, 9, 0));
    mvc.perform(get("/console/push").with(authentication(as(Role.ADMIN))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("2025-09-01")))
        .andExpect(content().string(containsString("第3周，2025-09-15 19:00")))
        .andExpect(content().string(containsString("送达 9 / 目标 9")));
  }

  @Test
  void manualSendAsksForConfirmationBeforeSending() throws Exception {
    at(1, 2, 10, 0);
    mvc.perform(
            post("/console/push/send")
                .param("articleId", "t05-warning-signs")
                .with(csrf())
                .with(authentication(as(Role.ADMIN))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("确认发送")));
    assertThat(wechat.sendCalls).isEmpty();
    mvc.perform(
            post("/console/push/send/confirmed")
                .param("articleId", "t05-warning-signs")
                .with(csrf())
                .with(authentication(as(Role.ADMIN))))
        .andExpect(status().is3xxRedirection());
    assertThat(wechat.delivered).hasSize(1);
  }

  private PushRun jdbcRun(String key) {
    return push.history(50).stream().filter(r -> r.runKey().equals(key)).findFirst().orElseThrow();
  }

  private Authentication as(Role role) {
    return ConsoleLogins.as(jdbc, role);
  }
}
