package org.xinqiao.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.xinqiao.testsupport.MovableClock;

class CustomerServiceWindowTest {

  private final MovableClock clock =
      new MovableClock(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC);
  private final CustomerServiceWindow window = new CustomerServiceWindow(clock);

  @Test
  void eachMessageAllowsFiveWithin48Hours() {
    window.personSentMessage("o1");

    for (int i = 0; i < 5; i++) {
      assertThat(window.trySpend("o1")).isZero();
    }
    assertThat(window.trySpend("o1")).isEqualTo(45047);

    window.personSentMessage("o1");
    assertThat(window.trySpend("o1")).isZero();
  }

  @Test
  void closesTheWindowAfter48Hours() {
    window.personSentMessage("o1");
    clock.advance(Duration.ofHours(48).plusSeconds(1));

    assertThat(window.trySpend("o1")).isEqualTo(45015);
  }

  @Test
  void aMenuClickAllowsThreeWithinAMinute() {
    window.personTriggeredEvent("o1");

    for (int i = 0; i < 3; i++) {
      assertThat(window.trySpend("o1")).isZero();
    }
    assertThat(window.trySpend("o1")).isEqualTo(45047);
    clock.advance(Duration.ofSeconds(61));
    assertThat(window.trySpend("o1")).isEqualTo(45015);
  }

  @Test
  void nobodyWhoNeverWroteOrWhoLeftCanBeReached() {
    assertThat(window.trySpend("stranger")).isEqualTo(45015);

    window.personSentMessage("o1");
    window.personLeft("o1");
    assertThat(window.trySpend("o1")).isEqualTo(45015);
  }
}
