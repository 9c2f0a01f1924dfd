package org.xinqiao.conversation;

/**
 * The safety hand-over point. Runs on EVERY recorded text (and menu click, for the emergency
 * button) before anything else decides, inside the transaction that recorded the message (so an
 * escalation is never lost). It can only add attention: a reply to send, and whether the rest of
 * the pipeline must stay quiet.
 */
public interface SafetyScreen {

  SafetyOutcome screen(Turn turn);

  /**
   * What safety decided.
   *
   * @param reply a fixed, reviewed text to send first, or null
   * @param final_ true when nothing else may answer this message (high and imminent risk)
   */
  record SafetyOutcome(String reply, boolean final_) {

    private static final SafetyOutcome CLEAR = new SafetyOutcome(null, false);

    public static SafetyOutcome clear() {
      return CLEAR;
    }

    public static SafetyOutcome supportive(String reply) {
      return new SafetyOutcome(reply, false);
    }

    public static SafetyOutcome takeOver(String reply) {
      return new SafetyOutcome(reply, true);
    }

    public boolean hasReply() {
      return reply != null && !reply.isBlank();
    }
  }
}
