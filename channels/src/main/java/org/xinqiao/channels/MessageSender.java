package org.xinqiao.channels;

/**
 * Sends a message to a person outside the passive-reply window (on WeChat: a customer-service
 * message). Implementations throw {@link ChannelException} when the channel refuses, so callers can
 * queue and retry instead of losing the message.
 */
public interface MessageSender {

  void sendText(String userId, String text) throws ChannelException;
}
