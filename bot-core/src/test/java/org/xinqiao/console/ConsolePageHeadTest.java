package org.xinqiao.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xinqiao.people.Role;

/**
 * Every console page takes its head from one fragment ({@code templates/console/head.html}): the
 * same meta tags and stylesheet, the title as "page · 心桥控制台", and a reload only on the desk.
 */
class ConsolePageHeadTest extends ConsoleContext {

  private static final String CSS = "<link rel=\"stylesheet\" href=\"/console/console.css\">";
  private static final String VIEWPORT =
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";

  @Test
  void everyPageHasTheSharedHeadWithItsOwnTitle() throws Exception {
    String login =
        mvc.perform(get("/console/login")).andReturn().getResponse().getContentAsString();
    Cookie admin = logIn(staff(Role.ADMIN, "页头管理员" + UUID.randomUUID().toString().substring(0, 4)));

    assertThat(login)
        .contains("<title>登录 · 心桥控制台</title>", CSS, VIEWPORT, "<meta charset=\"UTF-8\">");
    assertThat(open("/console", admin).getContentAsString())
        .contains("<title>心桥控制台</title>", CSS, VIEWPORT)
        .doesNotContain("http-equiv=\"refresh\"");
    assertThat(open("/console/staff", admin).getContentAsString())
        .contains("<title>老师与身份 · 心桥控制台</title>", CSS, VIEWPORT);
  }

  @Test
  void onlyTheEscalationDeskReloadsItself() throws Exception {
    Cookie counselor =
        logIn(staff(Role.COUNSELOR, "页头心理老师" + UUID.randomUUID().toString().substring(0, 4)));

    assertThat(open("/console/escalations", counselor).getContentAsString())
        .contains("<title>危机与求助 · 心桥控制台</title>", CSS)
        .contains("<meta http-equiv=\"refresh\" content=\"30\">");
    assertThat(open("/console", counselor).getContentAsString())
        .doesNotContain("http-equiv=\"refresh\"");
  }
}
