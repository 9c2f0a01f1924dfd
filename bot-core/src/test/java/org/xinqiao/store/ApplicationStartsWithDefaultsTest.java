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
}
