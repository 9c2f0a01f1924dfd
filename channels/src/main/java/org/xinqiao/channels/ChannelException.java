package org.xinqiao.channels;

/** A channel refused or failed to deliver; {@link #code()} carries the platform's error code. */
public class ChannelException extends Exception {

  private final int code;

  public ChannelException(int code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ChannelException(int code, String message) {
    this(code, message, null);
  }

  public int code() {
    return code;
  }

  /** WeChat 45015: outside the 48 h customer-service window, or the person unfollowed. */
  public boolean outsideWindow() {
    return code == 45015;
  }

  /** WeChat 45047: the customer-service quota for this person is used up. */
  public boolean quotaUsed() {
    return code == 45047;
  }
}
