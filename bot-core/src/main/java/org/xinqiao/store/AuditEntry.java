package org.xinqiao.store;

import java.time.Instant;

/**
 * One line of the audit trail: who ({@code actor}, e.g. "counselor:12" or "system") did what
 * ({@code action}, e.g. "escalation.acknowledged") to which record. {@code detail} is a short note,
 * never a message body.
 */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String action,
    String subjectType,
    String subjectId,
    String detail) {}
