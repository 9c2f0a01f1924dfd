package org.xinqiao.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock the test moves, in the school's time zone. */
public final class MovableClock extends Clock {
  private final ZoneId zone;
  private volatile Instant now;

  public MovableClock(Instant now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  public void set(Instant at) {
    now = at;
  }

  /** Moves to a wall-clock time in the clock's zone. */
  public void set(LocalDateTime at) {
    now = at.atZone(zone).toInstant();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
