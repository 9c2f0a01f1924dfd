package org.xinqiao.kb;

/** What the knowledge base makes of a question. */
public enum Verdict {
  /** The best hit answers the question: send its short answer. */
  ANSWER,
  /** Two hits are about equally good: offer both titles and let the person pick. */
  CHOOSE,
  /**
   * No entry answers it (a mental-health question the content does not cover yet, or something
   * unrelated): say so honestly and offer the counselor. Worth recording as a knowledge gap.
   */
  NONE,
  /**
   * A school-administration question (fees, uniforms, canteen, transfers, homework content, school
   * hours, sick leave...): point to the class teacher or the school office. Not a knowledge gap.
   */
  SCHOOL_ADMIN
}
