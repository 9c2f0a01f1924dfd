package org.xinqiao.conversation;

/**
 * The hand-over point to a human counselor. While a counselor holds a conversation, the person's
 * messages go to the counselor and the bot stays quiet except for safety.
 */
public interface HumanHandoff {

  /** Relays the turn when a counselor holds this person's conversation; true if it did. */
  boolean relayIfHeld(Turn turn);
}
