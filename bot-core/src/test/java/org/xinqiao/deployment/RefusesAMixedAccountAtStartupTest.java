package org.xinqiao.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.xinqiao.XinQiaoApplication;

/** The jar itself refuses a real AppID started with the repository's token, key and secret. */
@ExtendWith(OutputCaptureExtension.class)
class RefusesAMixedAccountAtStartupTest {

  @Test
  void aRealAppIdWithTheSimulatorsSecretsLeftStopsStartUpNamingThem(CapturedOutput output) {
    Throwable failure =
        catchThrowable(
            () ->
                SpringApplication.run(
                    XinQiaoApplication.class,
                    "--spring.main.web-application-type=none",
                    "--xinqiao.db.url=jdbc:h2:mem:refused;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                    "--xinqiao.scheduler.enabled=false",
                    "--xinqiao.wechat.app-id=wx5c0a9e1f3b7d2468",
                    "--xinqiao.wechat.api-base-url=https://api.weixin.qq.com"));

    assertThat(failure).isInstanceOf(AccountMisconfigured.class);
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("xinqiao.wechat.token (XINQIAO_WECHAT_TOKEN)")
        .contains("XINQIAO_WECHAT_AES_KEY")
        .contains("XINQIAO_WECHAT_SECRET")
        .doesNotContain("xinqiao-simulator-token");
  }
}
