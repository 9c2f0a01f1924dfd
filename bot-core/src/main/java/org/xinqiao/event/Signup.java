package org.xinqiao.event;

import java.time.Instant;

/** One person's place at an event. */
record Signup(
    long id,
    long eventId,
    long personId,
    Status status,
    Instant queuedAt,
    Instant offerExpiresAt,
    Instant attendedAt) {

  enum Status {
    /** Has a seat. */
    CONFIRMED,
    /** On the waitlist. */
    WAITING,
    /** A freed seat is held for them until offerExpiresAt. */
    OFFERED,
    CANCELLED,
    /** Did not take an offered seat in time. */
    EXPIRED,
    /** Checked in without having signed up. */
    WALK_IN;

    boolean holdsSeat() {
      return this == CONFIRMED || this == OFFERED;
    }

    boolean live() {
      return this == CONFIRMED || this == OFFERED || this == WAITING;
    }
  }
}
