package org.xinqiao.push;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock the test moves; in the school's zone. */
class MutableClock extends Clock {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private volatile Instant now = Instant.parse("2025-09-01T00:00:00Z");

  void set(LocalDateTime local) {
    now = local.atZone(SHANGHAI).toInstant();
  }

  @Override
  public ZoneId getZone() {
    return SHANGHAI;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
