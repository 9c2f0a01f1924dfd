package org.xinqiao.appointment;

/**
 * The notice outbox for other features (events use it for sign-up notices and reminders): a notice
 * is stored in the caller's transaction and delivered by a durable task, as a customer-service
 * message inside WeChat's 48-hour window, else as a subscription notice when one is configured,
 * else it stays recorded with its error.
 */
public interface NoticeOutbox {

  /** Records the notice for the person and arranges its delivery; the notice id. */
  long enqueue(long personId, AppointmentNotice notice);
}
