package org.xinqiao.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.conversation.MessagePipeline;
import org.xinqiao.kb.Audience;
import org.xinqiao.people.People;
import org.xinqiao.people.Role;
import org.xinqiao.testsupport.ConsoleLogins;

/**
 * The knowledge base in the chat, through the real pipeline with the real shipped content: answer
 * with numbered follow-ups, the steps by number, an honest no-answer that is recorded without who
 * asked, and the gaps page for staff only.
 */
@SpringBootTest(
    properties = {
      "xinqiao.db.url=jdbc:h2:mem:kbchat;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
      "xinqiao.simulator.enabled=false",
      "xinqiao.wechat.create-menu=false"
    })
@AutoConfigureMockMvc
class KnowledgeChatTest {

  @Autowired MessagePipeline pipeline;
  @Autowired KnowledgeGaps gaps;
  @Autowired MockMvc mvc;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired KnowledgeLibrary library;
  @Autowired People people;

  private String openid;

  @BeforeEach
  void consentedParent() {
    openid = "o_" + UUID.randomUUID();
    send("你好");
    send("同意");
  }

  @Test
  void answersWithTheShortAnswerAndNumberedFollowUps() {
    String reply = send("孩子天天刷抖音打游戏，一说就发脾气怎么办");
    assertThat(reply).contains("【手机、游戏与短视频】").contains("回复 1 看具体可以怎么做").contains("回复 2");
    assertThat(send("1")).contains("可以这样做").contains("1.");
  }

  @Test
  void aRelatedTopicOpensByNumber() {
    send("孩子早上一到学校门口就哭着不让我走");
    String related = send("2");
    assertThat(related).startsWith("【").contains("回复 1 看具体可以怎么做");
  }

  @Test
  void saysHonestlyWhenItHasNoAnswerAndRecordsTheGapWithoutNumbers() {
    String reply = send("推荐一款好用的扫地机器人，我电话13800138000");
    assertThat(reply).contains("没有把握").contains("预约");
    List<KnowledgeGaps.Gap> recent = gaps.recent(5);
    assertThat(recent)
        .anySatisfy(g -> assertThat(g.question()).contains("扫地机器人").doesNotContain("13800138000"));
  }

  @Test
  void sendsSchoolAdministrationQuestionsToTheClassTeacherAndDoesNotRecordThemAsGaps() {
    String reply = send("请问明天校车几点到小区门口，路线变了吗");
    assertThat(reply).contains("班主任").contains("学校办公室").doesNotContain("没有把握");
    assertThat(gaps.recent(50)).noneSatisfy(g -> assertThat(g.question()).contains("校车"));
  }

  @Test
  void parentsAreNeverAnsweredOrOfferedTeacherOnlyEntries() {
    List<String> teacherTitles =
        library.knowledgeBase().entries().stream()
            .filter(e -> e.audience() == Audience.TEACHER)
            .map(e -> e.title())
            .toList();
    for (String question : List.of("我家孩子学习压力大", "孩子情绪不好", "学生情绪低落，对什么都没兴趣怎么办")) {
      String reply = send(question);
      assertThat(teacherTitles).allSatisfy(title -> assertThat(reply).doesNotContain(title));
    }
  }

  @Test
  void teachersSeeTheEntryWrittenForTeachersFirst() {
    people.seedStaff("wechat", openid, Role.TEACHER, "李老师");
    String reply = send("学生上课总是走神坐不住怎么办");
    int own = reply.indexOf("课堂行为管理");
    assertThat(own).isNotNegative();
    assertThat(library.knowledgeBase().entries())
        .filteredOn(e -> e.audience() == Audience.PARENT)
        .allSatisfy(
            e -> {
              int parentEntry = reply.indexOf(e.title());
              assertThat(parentEntry == -1 || parentEntry > own).as(e.title()).isTrue();
            });
  }

  @Test
  void oddInputNeverBreaksTheChat() {
    for (String odd : List.of("😀😀", "AND * ~ :", "？？？", "a".repeat(2000))) {
      assertThat(send(odd)).isNotBlank();
    }
  }

  @Test
  void topicsListsNumberedChoicesThatOpen() {
    assertThat(send("话题")).contains("1. ").contains("回复数字");
    assertThat(send("1")).startsWith("【");
  }

  @Test
  void gapsPageIsForCounselorsAndAdminsOnly() throws Exception {
    mvc.perform(get("/console/kb").with(authentication(as(Role.COUNSELOR))))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("没答好的问题")));
    mvc.perform(get("/console/kb").with(authentication(as(Role.TEACHER))))
        .andExpect(status().isForbidden());
  }

  private UsernamePasswordAuthenticationToken as(Role role) {
    return ConsoleLogins.as(jdbc, role);
  }

  private String send(String text) {
    return pipeline
        .handle(
            InboundMessage.text(
                "wechat", "app", openid, text, UUID.randomUUID().toString(), Instant.now()))
        .text();
  }
}
