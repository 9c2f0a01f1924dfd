package org.xinqiao.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.xinqiao.XinQiaoApplication;

/** A real account started with nothing else configured says what is missing, once each. */
@ExtendWith(OutputCaptureExtension.class)
class RealAccountStartupWarningsTest {

  private static final String TOKEN = "school-chosen-token";
  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  @Test
  void warnsOnceAboutHoursTermPagersAndAdminsWithoutSecrets(CapturedOutput output) {
    try (ConfigurableApplicationContext context =
        SpringApplication.run(
            XinQiaoApplication.class,
            "--spring.main.web-application-type=none",
            "--xinqiao.db.url=jdbc:h2:mem:realwarn;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "--xinqiao.scheduler.enabled=false",
            "--xinqiao.wechat.create-menu=false",
            "--xinqiao.wechat.app-id=wx5c0a9e1f3b7d2468",
            "--xinqiao.wechat.token=" + TOKEN,
            "--xinqiao.wechat.aes-key=Rz1x8Qm4Kp2Lw7Vb5Nc3Hd6Jf9Gt0Ys8Ua4Ie2Oq7Xk",
            "--xinqiao.wechat.secret=" + SECRET,
            // a real (non-simulator) API that is never called while starting
            "--xinqiao.wechat.api-base-url=http://127.0.0.1:9/wechat")) {
      List<String> notConfigured =
          output.toString().lines().filter(l -> l.contains("Not configured:")).toList();

      assertThat(notConfigured).hasSize(4);
      assertThat(notConfigured)
          .allMatch(l -> l.contains("WARN"))
          .anyMatch(l -> l.contains("no counselor has published hours"))
          .anyMatch(l -> l.contains("XINQIAO_PUSH_TERM_START"))
          .anyMatch(l -> l.contains("48-hour window"))
          .anyMatch(l -> l.contains("XINQIAO_PEOPLE_ADMIN_OPENIDS"));
      assertThat(output).doesNotContain(TOKEN).doesNotContain(SECRET);
    }
  }
}
