package org.xinqiao.channels.simulator;

/**
 * What the account answered in the HTTP response to one callback, read as WeChat reads it.
 *
 * @param status what kind of answer it was
 * @param msgType the reply's MsgType (text, news, image ...), or null
 * @param text the text shown to the person (Content, or the titles of a news reply), or null
 * @param problem why WeChat would show "该公众号暂时无法提供服务" (BROKEN only), or null
 * @param encrypted whether the reply came in a safe-mode envelope
 */
public record PassiveReply(
    Status status, String msgType, String text, String problem, boolean encrypted) {

  /** The ways an account can answer a callback. */
  public enum Status {
    /** "success" or an empty body: nothing shown now; the account may follow up later. */
    NONE,
    /** A reply WeChat shows to the person. */
    MESSAGE,
    /** A reply WeChat rejects: the person sees "该公众号暂时无法提供服务". */
    BROKEN
  }

  public static PassiveReply none(boolean encrypted) {
    return new PassiveReply(Status.NONE, null, null, null, encrypted);
  }

  public static PassiveReply broken(String problem) {
    return new PassiveReply(Status.BROKEN, null, null, problem, false);
  }

  @Override
  public String toString() {
    return "PassiveReply[status=" + status + ", msgType=" + msgType + "]";
  }
}
