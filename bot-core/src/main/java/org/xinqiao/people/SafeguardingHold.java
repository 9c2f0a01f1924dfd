package org.xinqiao.people;

/**
 * A feature that must still be able to reach a person who asks to delete their data: an open
 * safeguarding case (escalation) needs the counselor's replies to arrive. Implemented by the
 * feature that owns such cases, so this package never depends on it.
 */
public interface SafeguardingHold {

  /** True while a case still needs to reach this person. */
  boolean keepsContact(long personId);
}
