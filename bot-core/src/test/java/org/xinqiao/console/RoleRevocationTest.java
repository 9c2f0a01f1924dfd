package org.xinqiao.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.xinqiao.people.StaffRoles;

/** Roles end: revoked in the chat or the console, demoted, or taken out of the configuration. */
class RoleRevocationTest extends ConsoleContext {

  @Autowired ApplicationContext context;
  @Autowired StaffRoles roles;

  @Test
  void aCounselorRevokedInTheChatIsLoggedOutOfTheConsoleAtOnce() throws Exception {
    String name = "撤销测试" + UUID.randomUUID().toString().substring(0, 4);
    Person counselor = staff(Role.COUNSELOR, name);
    Cookie session = logIn(counselor);
    String unused = login.issueCode(counselor);
    assertThat(open("/console/escalations", session).getStatus()).isEqualTo(200);
    assertThat(sessionsOf(counselor)).isOne();

    assertThat(send(ADMIN, "撤销 " + name)).contains("已撤销").contains("心理老师");

    assertThat(people.find(counselor.id()).orElseThrow().role()).isEqualTo(Role.PARENT);
    assertThat(sessionsOf(counselor)).as("the shared session is deleted").isZero();
    MockHttpServletResponse after = open("/console/escalations", session);
    assertThat(after.getStatus()).isEqualTo(302);
    assertThat(after.getRedirectedUrl()).contains("/console/login");
    assertThat(typeCode(unused, "10.7.0.1").getRedirectedUrl())
        .as("an unused code of theirs is void")
        .endsWith("?error");
    assertThat(audited("role-revoked", counselor.id())).isOne();
  }

  @Test
  void aPersonWhoseRoleChangedUnderALiveSessionIsRefusedOnTheNextRequest() throws Exception {
    Person admin = staff(Role.ADMIN, "副管理员" + UUID.randomUUID().toString().substring(0, 4));
    Cookie session = logIn(admin);
    assertThat(open("/console/staff", session).getStatus()).isEqualTo(200);

    // demoted behind the console's back (another instance, or by hand in the database)
    jdbc.sql("update person set role = 'TEACHER' where id = ?").param(admin.id()).update();

    MockHttpServletResponse after = open("/console/staff", session);
    assertThat(after.getRedirectedUrl()).isEqualTo("/console/login?ended");
    assertThat(open("/console", session).getStatus()).as("the session is gone").isEqualTo(302);
  }

  @Test
  void aNameSharedByTwoIsConfirmedByNumberBeforeAnythingChanges() {
    String name = "同名" + UUID.randomUUID().toString().substring(0, 4);
    Person first = staff(Role.TEACHER, name);
    Person second = staff(Role.COUNSELOR, name);

    String asked = send(ADMIN, "撤销 " + name);
    assertThat(asked).contains("1. " + name + "（老师").contains("2. " + name + "（心理老师");
    assertThat(people.find(first.id()).orElseThrow().role()).isEqualTo(Role.TEACHER);
    assertThat(people.find(second.id()).orElseThrow().role()).isEqualTo(Role.COUNSELOR);

    assertThat(send(ADMIN, "撤销 " + name + " 2")).contains("已撤销");
    assertThat(people.find(first.id()).orElseThrow().role()).isEqualTo(Role.TEACHER);
    assertThat(people.find(second.id()).orElseThrow().role()).isEqualTo(Role.PARENT);
  }

  @Test
  void anUnknownNameIsAnsweredPolitelyAndChangesNothing() {
    long staffBefore = roles.staff().size();
    assertThat(send(ADMIN, "撤销 查无此人")).contains("没有找到").contains("查无此人");
    assertThat(roles.staff()).hasSize((int) staffBefore);
  }

  @Test
  void anAdminCannotRevokeThemselvesNorAConfiguredAdminNorCanOthersRevoke() {
    Person admin = people.contact("wechat", ADMIN);
    assertThat(send(ADMIN, "撤销 管理员")).contains("不能撤销你自己");
    String deputy = "副手" + UUID.randomUUID().toString().substring(0, 4);
    Person other = staff(Role.ADMIN, deputy);
    Person teacher = staff(Role.TEACHER, "普通老师" + UUID.randomUUID().toString().substring(0, 4));

    assertThat(send(other.openid(), "撤销 " + admin.displayName())).contains("服务器配置");
    assertThat(send(teacher.openid(), "撤销 " + deputy)).doesNotContain("已撤销");
    assertThat(people.find(admin.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
    assertThat(people.find(other.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void anAdminRevokesARoleOnTheConsoleStaffPage() throws Exception {
    Person admin = staff(Role.ADMIN, "控制台管理员" + UUID.randomUUID().toString().substring(0, 4));
    Person teacher = staff(Role.TEACHER, "被撤销老师" + UUID.randomUUID().toString().substring(0, 4));
    Cookie adminSession = logIn(admin);
    Cookie teacherSession = logIn(teacher);
    assertThat(open("/console/staff", teacherSession).getStatus()).isEqualTo(403);
    assertThat(open("/console/staff", adminSession).getContentAsString())
        .contains(teacher.displayName());

    mvc.perform(
        post("/console/staff/" + teacher.id() + "/revoke").cookie(adminSession).with(csrf()));

    assertThat(people.find(teacher.id()).orElseThrow().role()).isEqualTo(Role.PARENT);
    assertThat(open("/console", teacherSession).getRedirectedUrl()).contains("/console/login");
    assertThat(audited("role-revoked", teacher.id())).isOne();
  }

  @Test
  void onlyAdminsGrantedByConfigurationLoseTheRoleWhenTakenOutOfIt() throws Exception {
    Person formerlyConfigured = people.contact("wechat", "o_former_" + UUID.randomUUID());
    jdbc.sql("update person set role = 'ADMIN', role_source = 'CONFIG' where id = ?")
        .param(formerlyConfigured.id())
        .update();
    Person invited = staff(Role.ADMIN, "受邀管理员");
    Person configured = people.contact("wechat", ADMIN);

    startUp();

    assertThat(people.find(formerlyConfigured.id()).orElseThrow().role()).isEqualTo(Role.PARENT);
    assertThat(people.find(invited.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
    assertThat(people.find(configured.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
    assertThat(audited("role-removed-from-config", formerlyConfigured.id())).isOne();
  }

  @Test
  void theSessionCookieIsHttpOnlySameSiteLaxAndSecureForAnHttpsAddress() throws Exception {
    MockHttpServletResponse response =
        typeCode(login.issueCode(staff(Role.TEACHER, "饼干老师")), "10.8.0.1");
    assertThat(response.getHeaders("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("SESSION=")
                    .contains("HttpOnly")
                    .contains("SameSite=Lax")
                    .contains("Secure"));
  }

  /** What the application does at start-up about configured admins. */
  private void startUp() throws Exception {
    for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
      if (runner.getClass().getSimpleName().equals("ConfiguredAdmins")) {
        runner.run(new DefaultApplicationArguments());
      }
    }
  }

  private long sessionsOf(Person person) {
    return jdbc.sql("select count(*) from spring_session where principal_name = ?")
        .param("p" + person.id())
        .query(Long.class)
        .single();
  }
}
