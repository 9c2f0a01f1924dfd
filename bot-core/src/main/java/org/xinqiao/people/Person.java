package org.xinqiao.people;

import java.time.Instant;

/**
 * Someone who writes to the account. {@code openid} is personal data: it is used to reply and is
 * never logged; logs use {@link #pseudonym()}.
 */
public record Person(
    long id,
    String channel,
    String openid,
    Role role,
    String displayName,
    boolean following,
    Instant consentedAt,
    Instant createdAt) {

  public boolean hasConsented() {
    return consentedAt != null;
  }

  /** A stable, non-reversible handle for logs and audit lines. */
  public String pseudonym() {
    return "p" + id;
  }

  @Override
  public String toString() {
    return "Person[" + pseudonym() + ", role=" + role + "]";
  }
}
