package org.xinqiao.conversation;

import org.xinqiao.channels.OutboundReply;

/**
 * A multi-step dialog (booking, cancelling, choosing among numbered options). Its state lives in
 * {@link ActiveDialogs} (shared store, with a TTL), so it survives a restart and a second instance.
 */
public interface DialogHandler {

  /** The name stored with the state, e.g. {@code booking}. */
  String name();

  /**
   * Continues the dialog with the person's next message and the stored state. An empty reply means
   * "not for this dialog": the message goes on to commands and the knowledge base.
   */
  OutboundReply continueWith(Turn turn, String state);
}
