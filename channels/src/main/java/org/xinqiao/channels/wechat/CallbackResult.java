package org.xinqiao.channels.wechat;

import java.util.Objects;
import org.xinqiao.channels.InboundMessage;

/** What became of one POST callback: an accepted message, or a rejection with a reason. */
public sealed interface CallbackResult {

  /**
   * A verified, decrypted, parsed message.
   *
   * @param message the neutral message for the pipeline
   * @param accountOriginalId the account's own id (gh_...), the sender of any passive reply
   * @param safeMode whether the request was encrypted, and so must the reply be
   * @param massSend the counts of a MASSSENDJOBFINISH event, else null
   */
  record Accepted(
      InboundMessage message, String accountOriginalId, boolean safeMode, MassSendReport massSend)
      implements CallbackResult {
    public Accepted {
      Objects.requireNonNull(message, "message");
    }
  }

  /** A refused callback; nothing of it may reach the pipeline. */
  record Rejected(Reason reason) implements CallbackResult {}

  /** Why a callback was refused; the controller maps each to a 4xx. */
  enum Reason {
    /** signature or msg_signature missing or wrong (403) */
    BAD_SIGNATURE,
    /** timestamp missing, not a number, or outside the allowed skew (403) */
    STALE_TIMESTAMP,
    /** a plaintext callback to an account configured for safe mode only (403) */
    PLAINTEXT_REFUSED,
    /** safe mode requested but no key configured, or the Encrypt element does not decrypt (400) */
    UNDECRYPTABLE,
    /** decrypted cleanly but for another app id (403) */
    WRONG_APPID,
    /** not UTF-8, DTD/entity, too deep, or not a well-formed callback (400) */
    MALFORMED
  }
}
