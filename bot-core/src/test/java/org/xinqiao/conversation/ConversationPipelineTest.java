package org.xinqiao.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.channels.OutboundReply;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/**
 * The pipeline with its real stores (H2 in memory) and recording doubles at the safety, hand-off
 * and knowledge-base hand-over points, to prove the order DESIGN.md draws.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "xinqiao.db.url=jdbc:h2:mem:pipeline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
      "spring.datasource.url=jdbc:h2:mem:pipeline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
      "xinqiao.people.admin-openids=o_admin",
      "xinqiao.simulator.enabled=false"
    })
class ConversationPipelineTest {

  @Autowired MessagePipeline pipeline;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired RecordingPorts ports;

  private String openid;

  @BeforeEach
  void freshPerson() {
    openid = "o_" + UUID.randomUUID();
    ports.reset();
  }

  @Test
  void firstContactGetsTheNoticeBeforeAnyAnswer() {
    OutboundReply reply = send("孩子不想上学怎么办");
    assertThat(reply.text()).contains("自动回复的助手").contains("删除我的数据").contains("110").contains("同意");
    assertThat(ports.knowledgeAsked).isEmpty();
  }

  @Test
  void afterConsentQuestionsGoToTheKnowledgeBase() {
    send("你好");
    assertThat(send("同意").text()).contains("帮助");
    assertThat(send("孩子不想上学怎么办").text()).isEqualTo("KB:孩子不想上学怎么办");
  }

  @Test
  void theQuestionAskedBeforeConsentingIsAnsweredRightAfter() {
    send("孩子不想上学怎么办");
    assertThat(ports.knowledgeAsked).isEmpty();
    assertThat(send("同意").text()).contains("KB:孩子不想上学怎么办");
  }

  @Test
  void safetyScreensEveryTextEvenBeforeConsent() {
    ports.safetyReply = SafetyScreen.SafetyOutcome.takeOver("SAFE-TEMPLATE");
    OutboundReply reply = send("我不想活了");
    assertThat(reply.text()).isEqualTo("SAFE-TEMPLATE");
    assertThat(ports.screened).containsExactly("我不想活了");
  }

  @Test
  void finalSafetyOutcomeSilencesDialogsCommandsAndKnowledge() {
    consent();
    ports.safetyReply = SafetyScreen.SafetyOutcome.takeOver("SAFE-TEMPLATE");
    assertThat(send("帮助").text()).isEqualTo("SAFE-TEMPLATE");
    assertThat(ports.knowledgeAsked).isEmpty();
  }

  @Test
  void supportiveSafetyReplyComesBeforeTheAnswer() {
    consent();
    ports.safetyReply = SafetyScreen.SafetyOutcome.supportive("SUPPORT");
    assertThat(send("最近很累很烦").text()).startsWith("SUPPORT").endsWith("KB:最近很累很烦");
  }

  @Test
  void heldConversationIsRelayedAndTheBotStaysQuiet() {
    consent();
    ports.holding = true;
    assertThat(send("老师你在吗").isEmpty()).isTrue();
    assertThat(ports.relayed).containsExactly("老师你在吗");
    assertThat(ports.knowledgeAsked).isEmpty();
  }

  @Test
  void safetyStillSpeaksWhileACounselorHoldsTheChat() {
    consent();
    ports.holding = true;
    ports.safetyReply = SafetyScreen.SafetyOutcome.supportive("SUPPORT");
    assertThat(send("还是很难受").text()).isEqualTo("SUPPORT");
  }

  @Test
  void aRetriedDeliveryIsRecordedOnceAndNotAnsweredTwice() {
    consent();
    InboundMessage m =
        InboundMessage.text("wechat", "app", openid, "孩子失眠", "dup-" + openid, Instant.now());
    assertThat(pipeline.handle(m).text()).isEqualTo("KB:孩子失眠");
    assertThat(pipeline.handle(m).isEmpty()).isTrue();
    assertThat(ports.knowledgeAsked).containsExactly("孩子失眠");
  }

  @Test
  void messagesAreRecordedInAndOut() {
    consent();
    send("孩子失眠");
    Person p = people.find("wechat", openid).orElseThrow();
    List<String> bodies =
        jdbc.sql("select direction || ':' || body from message where person_id = ? order by id")
            .param(p.id())
            .query(String.class)
            .list();
    assertThat(bodies).contains("IN:孩子失眠", "OUT:KB:孩子失眠");
  }

  @Test
  void followAndUnfollowAreRemembered() {
    OutboundReply welcome = event("subscribe", null);
    assertThat(welcome.text()).contains("同意");
    event("unsubscribe", null);
    assertThat(people.find("wechat", openid).orElseThrow().following()).isFalse();
    event("subscribe", null);
    assertThat(people.find("wechat", openid).orElseThrow().following()).isTrue();
  }

  @Test
  void menuAskButtonExplainsHowToAsk() {
    consent();
    assertThat(event("CLICK", "ASK").text()).contains("请直接把你的问题发给我");
  }

  @Test
  void helpListsWhatTheBotCanDo() {
    consent();
    assertThat(send("帮助").text()).contains("预约").contains("本周文章").contains("删除我的数据");
  }

  @Test
  void helpListsEveryCommandTheReadmeListsForThePersonsRoleAndNoOther() throws Exception {
    Map<String, Set<Role>> commands = readmeChatCommands();
    assertThat(commands).containsKeys("预约", "退约N", "登录", "接 N", "邀请 角色 姓名", "重新加载知识库");
    for (Role role : Role.values()) {
      openid = "o_help_" + role + "_" + UUID.randomUUID();
      if (role != Role.PARENT) {
        people.seedStaff("wechat", openid, role, "帮助测试");
      }
      consent();
      String help = send("帮助").text();
      commands.forEach(
          (command, roles) -> {
            if (roles.contains(role)) {
              assertThat(help).as(role + " sees " + command).contains(command);
            } else {
              assertThat(help).as(role + " does not see " + command).doesNotContain(command);
            }
          });
    }
  }

  /** The README's chat-command table: each backticked command and the roles it is for. */
  static Map<String, Set<Role>> readmeChatCommands() throws java.io.IOException {
    List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("..", "README.md"));
    int start = lines.indexOf("| chat command | who | what |");
    Map<String, Set<Role>> commands = new java.util.LinkedHashMap<>();
    for (String line : lines.subList(start + 2, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      String[] cells = line.split("\\|");
      Set<Role> roles =
          switch (cells[2].strip()) {
            case "everyone" -> Set.of(Role.values());
            case "staff" ->
                Set.of(
                    Role.TEACHER,
                    Role.COUNSELOR,
                    Role.ADMIN,
                    Role.LEAD_COUNSELOR,
                    Role.SAFEGUARDING);
            case "counselor" -> Set.of(Role.COUNSELOR, Role.LEAD_COUNSELOR);
            case "admin" -> Set.of(Role.ADMIN);
            default -> throw new AssertionError("unknown role column: " + cells[2]);
          };
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([^`]+)`").matcher(cells[1]);
      while (m.find()) {
        commands.put(m.group(1), roles);
      }
    }
    return commands;
  }

  @Test
  void imagesGetAPoliteTextOnlyReply() {
    consent();
    InboundMessage image =
        new InboundMessage(
            "wechat",
            "app",
            openid,
            InboundMessage.Kind.IMAGE,
            null,
            null,
            null,
            UUID.randomUUID().toString(),
            Instant.now());
    assertThat(pipeline.handle(image).text()).contains("文字");
  }

  @Test
  void forgetMeDeletesMessagesAfterConfirmation() {
    consent();
    send("孩子失眠");
    assertThat(send("删除我的数据").text()).contains("确认删除");
    assertThat(send("确认删除").text()).contains("已经删除");
    assertThat(people.find("wechat", openid)).isEmpty();
  }

  @Test
  void cancellingADialogKeepsTheData() {
    consent();
    send("删除我的数据");
    assertThat(send("取消").text()).contains("已经取消");
    assertThat(people.find("wechat", openid)).isPresent();
  }

  @Test
  void adminInvitesATeacherWhoBindsWithTheCode() {
    String admin = openid;
    openid = "o_admin";
    consent();
    String invited = send("邀请 老师 李红").text();
    String code = invited.replaceAll("(?s).*绑定码：(\\d{8}).*", "$1");
    assertThat(code).hasSize(8);

    openid = "o_teacher_" + admin;
    consent();
    assertThat(send("绑定 " + code).text()).contains("李红").contains("老师");
    assertThat(people.find("wechat", openid).orElseThrow().role()).isEqualTo(Role.TEACHER);

    openid = "o_other_" + admin;
    consent();
    assertThat(send("绑定 " + code).text()).contains("无效");
  }

  @Test
  void staffWhoRunTheServiceAreNotHeldUpByTheConsentScreen() {
    openid = "o_admin";
    assertThat(send("帮助").text()).contains("预约").doesNotContain("同意以上说明");
  }

  @Test
  void onlyAdminsCanInvite() {
    consent();
    long before = jdbc.sql("select count(*) from staff_invite").query(Long.class).single();
    assertThat(send("邀请 老师 李红").text()).doesNotContain("已生成");
    assertThat(jdbc.sql("select count(*) from staff_invite").query(Long.class).single())
        .isEqualTo(before);
  }

  private void consent() {
    send("你好");
    send("同意");
    ports.reset();
  }

  private OutboundReply send(String text) {
    return pipeline.handle(
        InboundMessage.text(
            "wechat", "app", openid, text, UUID.randomUUID().toString(), Instant.now()));
  }

  private OutboundReply event(String event, String key) {
    return pipeline.handle(
        InboundMessage.event(
            "wechat", "app", openid, event, key, UUID.randomUUID().toString(), Instant.now()));
  }

  /** Doubles for the hand-over points, recording what reached them. */
  static class RecordingPorts implements SafetyScreen, HumanHandoff, KnowledgeAnswerer {
    final List<String> screened = new CopyOnWriteArrayList<>();
    final List<String> relayed = new CopyOnWriteArrayList<>();
    final List<String> knowledgeAsked = new CopyOnWriteArrayList<>();
    volatile SafetyOutcome safetyReply = SafetyOutcome.clear();
    volatile boolean holding;

    void reset() {
      screened.clear();
      relayed.clear();
      knowledgeAsked.clear();
      safetyReply = SafetyOutcome.clear();
      holding = false;
    }

    @Override
    public SafetyOutcome screen(Turn turn) {
      screened.add(turn.text());
      return safetyReply;
    }

    @Override
    public boolean relayIfHeld(Turn turn) {
      if (holding) {
        relayed.add(turn.text());
      }
      return holding;
    }

    @Override
    public OutboundReply answer(Turn turn) {
      knowledgeAsked.add(turn.text());
      return OutboundReply.text("KB:" + turn.text());
    }
  }

  @TestConfiguration
  static class Ports {
    @Bean
    @org.springframework.context.annotation.Primary
    RecordingPorts recordingPorts() {
      return new RecordingPorts();
    }
  }
}
