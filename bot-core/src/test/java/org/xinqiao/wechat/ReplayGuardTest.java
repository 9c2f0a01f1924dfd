package org.xinqiao.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xinqiao.store.RedisSharedStates;
import org.xinqiao.store.SharedState;
import org.xinqiao.testsupport.TestRedis;

/** Two instances of the bot, each with its own Redis client, share what nonces were used. */
class ReplayGuardTest {

  private final String prefix = TestRedis.uniquePrefix();
  private final SharedState first = RedisSharedStates.client(prefix);
  private final SharedState second = RedisSharedStates.client(prefix);

  @AfterEach
  void close() {
    RedisSharedStates.close(first);
    RedisSharedStates.close(second);
  }

  private static ReplayGuard guard(SharedState state) {
    return new ReplayGuard(state, properties());
  }

  static WeChatProperties properties() {
    return new WeChatProperties(
        "wxa", "t", "", "", "s", "", Duration.ofSeconds(300), null, null, null);
  }

  private static byte[] body(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aNonceUsedOnOneInstanceIsRefusedWithAnotherBodyOnTheOther() {
    assertThat(guard(first).firstUse("1700000000", "12345", body("<xml>mum</xml>"))).isTrue();

    assertThat(guard(second).firstUse("1700000000", "12345", body("<xml>forged</xml>"))).isFalse();
  }

  @Test
  void theSameRequestDeliveredAgainIsLetThroughForTheMsgIdDedupe() {
    assertThat(guard(first).firstUse("1700000000", "777", body("<xml>same</xml>"))).isTrue();

    assertThat(guard(second).firstUse("1700000000", "777", body("<xml>same</xml>"))).isTrue();
  }

  @Test
  void aNewNonceOrANewTimestampIsANewRequest() {
    assertThat(guard(first).firstUse("1700000000", "1", body("<xml>a</xml>"))).isTrue();

    assertThat(guard(second).firstUse("1700000000", "2", body("<xml>b</xml>"))).isTrue();
    assertThat(guard(second).firstUse("1700000001", "1", body("<xml>c</xml>"))).isTrue();
  }
}
