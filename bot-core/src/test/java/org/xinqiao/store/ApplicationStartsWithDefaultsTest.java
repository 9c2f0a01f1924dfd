package org.xinqiao.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinqiao.XinQiaoApplication;
import org.xinqiao.deployment.AccountMode;

/** The whole application starts on its embedded defaults (H2 file database, in-process state). */
@SpringBootTest(
    classes = XinQiaoApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ApplicationStartsWithDefaultsTest {

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("xinqiao-data");
    registry.add("xinqiao.db.data-dir", dir::toString);
  }

  @Autowired SharedState sharedState;
  @Autowired SharedStateHealth health;
  @Autowired AuditLog auditLog;
  @Autowired Scheduler scheduler;
  @Autowired SchedulerLifecycle schedulerLifecycle;
  @Autowired Environment env;

  @Test
  void startsWithTheEmbeddedStores() {
    assertThat(sharedState).isInstanceOf(InProcessSharedState.class);
    assertThat(health.degraded()).isFalse();
    assertThat(schedulerLifecycle.isRunning()).isTrue();
    auditLog.append("system", "smoke", "app", "1", null);
    assertThat(auditLog.recentBySubject("app", "1", 1)).hasSize(1);
  }

  @Test
  void theEmbeddedDefaultIsTheSimulatorsOwnAccountOnLoopback() {
    // application.yml and AccountSetting must agree, or the simulator would never start
    assertThat(AccountMode.isSimulator(env)).isTrue();
    assertThat(env.getProperty("server.address")).isEqualTo("127.0.0.1");
  }

  @Autowired org.xinqiao.conversation.MessagePipeline pipeline;

  /**
   * Out of the box (the simulator's own account, nothing configured) 预约 offers 张老师's demo hours and
   * 本周文章 has this week's article, because the term is computed to contain today.
   */
  @Test
  void theEmbeddedDefaultOffersDemoHoursAndATermThatContainsToday() {
    java.time.LocalDate monday =
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    assertThat(env.getProperty("xinqiao.push.term-start"))
        .isEqualTo(monday.minusWeeks(2).toString());

    say("你好");
    say("同意");
    assertThat(say("预约")).contains("可以预约的时间").contains("1. ");
    say("取消");
    assertThat(say("本周文章")).contains("本周文章（第3周）");
  }

  private String say(String text) {
    return pipeline
        .handle(
            org.xinqiao.channels.InboundMessage.text(
                "wechat",
                "app",
                "o_sim_parent_0001",
                text,
                java.util.UUID.randomUUID().toString(),
                java.time.Instant.now()))
        .text();
  }
}
