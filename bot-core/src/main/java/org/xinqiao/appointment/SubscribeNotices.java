package org.xinqiao.appointment;

import org.xinqiao.channels.ChannelException;

/**
 * The way to reach a person outside WeChat's 48-hour customer-service window: a one-time
 * subscription notice (订阅通知) or, on a verified service account, a template message. The WeChat
 * adapter implements it; without an implementation such messages stay pending in the outbox.
 */
public interface SubscribeNotices {

  /** Sends the notice; throws when the person has no usable opt-in or the platform refuses. */
  void send(String openid, AppointmentNotice notice) throws ChannelException;
}
