package org.xinqiao.escalation;

/**
 * One way to reach a counselor with a page. A page carries only the short line from {@code
 * escalation-page.txt}: never the message itself.
 */
interface Pager {

  /** The configuration name, e.g. {@code wecom-app}; also names the page in the audit trail. */
  String channel();

  /** True for a group channel (one page per round to {@link Counselor#TEAM}). */
  default boolean group() {
    return false;
  }

  /** Whether this channel has an address for the counselor. */
  boolean reaches(Counselor counselor);

  /** Delivers or throws; the caller records the failure and retries with back-off. */
  void send(Counselor counselor, String text) throws Exception;
}
