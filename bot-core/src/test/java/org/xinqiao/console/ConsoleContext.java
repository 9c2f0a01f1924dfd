package org.xinqiao.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.conversation.MessagePipeline;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;
import org.xinqiao.store.SharedState;

/**
 * One application context for the console's access tests: H2 in memory, sessions in its tables
 * (Spring Session JDBC, as in production), the chat through the real pipeline, the console through
 * MockMvc with the real login form. The public address is https, so the session cookie is Secure.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "xinqiao.db.url=jdbc:h2:mem:console;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "xinqiao.scheduler.enabled=false",
      "xinqiao.simulator.enabled=false",
      "xinqiao.public-url=https://xinqiao.test",
      "xinqiao.people.admin-openids=o_console_admin"
    })
@AutoConfigureMockMvc
abstract class ConsoleContext {

  static final String ADMIN = "o_console_admin";

  @Autowired MessagePipeline pipeline;
  @Autowired People people;
  @Autowired ConsoleLogin login;
  @Autowired SharedState state;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  String send(String openid, String text) {
    return pipeline
        .handle(
            InboundMessage.text(
                "wechat", "app", openid, text, UUID.randomUUID().toString(), Instant.now()))
        .text();
  }

  /** A member of staff enrolled through the chat with an admin's code. */
  Person staff(Role role, String name) {
    String openid = "o_staff_" + UUID.randomUUID();
    send(openid, "你好");
    send(openid, "同意");
    String code = people.invite(people.contact("wechat", ADMIN), role, name);
    return people.redeem(people.find("wechat", openid).orElseThrow(), code).orElseThrow();
  }

  /** Types a code on the login page from {@code client}; the response. */
  MockHttpServletResponse typeCode(String code, String client) throws Exception {
    return mvc.perform(
            post("/console/login")
                .param("code", code)
                .with(csrf())
                .with(
                    request -> {
                      request.setRemoteAddr(client);
                      return request;
                    }))
        .andReturn()
        .getResponse();
  }

  /** Logs in with a fresh code; the session cookie. */
  Cookie logIn(Person person) throws Exception {
    MockHttpServletResponse response = typeCode(login.issueCode(person), "10.1.0." + person.id());
    if (!"/console".equals(response.getRedirectedUrl())) {
      throw new AssertionError("login failed: " + response.getRedirectedUrl());
    }
    return response.getCookie("SESSION");
  }

  MockHttpServletResponse open(String path, Cookie session) throws Exception {
    return mvc.perform(get(path).cookie(session)).andReturn().getResponse();
  }

  List<String> outbound(Person person) {
    return jdbc.sql("select body from message where person_id = ? and direction = 'OUT'")
        .param(person.id())
        .query(String.class)
        .list();
  }

  List<String> inbound(Person person) {
    return jdbc.sql("select body from message where person_id = ? and direction = 'IN'")
        .param(person.id())
        .query(String.class)
        .list();
  }

  long audited(String action, long personId) {
    return jdbc.sql(
            "select count(*) from audit_log where action = ? and subject_type = 'person'"
                + " and subject_id = ?")
        .params(action, "" + personId)
        .query(Long.class)
        .single();
  }
}
