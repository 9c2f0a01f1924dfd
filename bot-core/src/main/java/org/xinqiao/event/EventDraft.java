package org.xinqiao.event;

import java.time.Instant;

/** What the console form gives to create or change an event (already validated). */
record EventDraft(
    String title,
    EventKind kind,
    EventAudience audience,
    Instant startsAt,
    Instant endsAt,
    String place,
    int capacity,
    Instant signupDeadline,
    boolean countsAsTraining,
    boolean wholeStaff) {}
