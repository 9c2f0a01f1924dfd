package org.xinqiao.kb;

/** How sure the knowledge base is about a question. */
public enum Verdict {
  /** The best hit answers the question: send its short answer. */
  ANSWER,
  /** Two hits are about equally good: offer both titles and let the person pick. */
  CHOOSE,
  /** No entry answers it: say so honestly and offer the counselor. */
  NONE
}
