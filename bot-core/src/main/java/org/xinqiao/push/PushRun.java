package org.xinqiao.push;

import java.time.Instant;
import java.time.LocalDate;

/** One push of one article to one audience, and how far it got. */
record PushRun(
    long id,
    String runKey,
    Kind kind,
    LocalDate termStart,
    Integer week,
    Audience audience,
    String articleId,
    Status status,
    String clientMsgId,
    String coverMediaId,
    String draftMediaId,
    Instant previewSentAt,
    String msgId,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant sentAt,
    Delivery delivery) {

  enum Kind {
    SCHEDULED,
    MANUAL,
    /** A one-off card from another feature (see {@link Announcements}). */
    ANNOUNCEMENT
  }

  enum Status {
    /** Claimed, not yet accepted by WeChat: the next check resumes it with the same clientmsgid. */
    CLAIMED,
    /** WeChat accepted the mass send. */
    SENT,
    /** The MASSSENDJOBFINISH event arrived with delivery counts. */
    FINISHED,
    /** Not mass-sent: the monthly limit was reached; offered in the chat instead. */
    CAPPED,
    /** Its week passed before it could go out (downtime): skipped, never sent late. */
    STALE,
    /** Gave up after the configured attempts; admins were told. */
    FAILED
  }

  /** The counts from the MASSSENDJOBFINISH event, or null before it arrived. */
  record Delivery(String status, long total, long filtered, long sent, long errors) {}
}
