package org.xinqiao.escalation;

/**
 * Sends a short notice to one member of staff through the configured page channels (WeChat
 * customer-service message, WeCom, e-mail, template message), for other features' reminders. Only
 * counselors and safeguarding leads can be reached: never a parent or guardian.
 */
public interface StaffPager {

  /** Delivers through the first channel that reaches the person, or throws (to be retried). */
  void page(long personId, String text) throws Exception;
}
