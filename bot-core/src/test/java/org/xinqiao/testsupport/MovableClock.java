package org.xinqiao.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test moves. A copy in another zone ({@link #withZone}) reads the same instant and
 * follows every move.
 */
public final class MovableClock extends Clock {

  /** The school's zone (the features' own {@code SchoolTime.ZONE}, {@code EventTime.ZONE}). */
  public static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Shanghai");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  public MovableClock(Instant now, ZoneId zone) {
    this(new AtomicReference<>(now), zone);
  }

  /** A clock at {@code now} in the school's zone. */
  public static MovableClock atSchool(Instant now) {
    return new MovableClock(now, SCHOOL_ZONE);
  }

  private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  public void set(Instant at) {
    now.set(at);
  }

  /** Moves to a wall-clock time in the clock's zone. */
  public void set(LocalDateTime at) {
    now.set(at.atZone(zone).toInstant());
  }

  public void advance(Duration by) {
    now.updateAndGet(at -> at.plus(by));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return other.equals(zone) ? this : new MovableClock(now, other);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
