package org.xinqiao.safety;

import java.util.Locale;

/** What kind of danger a message shows; one message can show several. */
public enum RiskCategory {
  SUICIDE,
  SELF_HARM,
  /** Physical or emotional abuse or neglect of a minor by an adult or carer. */
  ABUSE,
  /** Sexual abuse of a minor: a mandatory-report event, never routed to a guardian. */
  SEXUAL_ABUSE,
  BULLYING,
  VIOLENCE_BY_OTHERS,
  /** The writer threatens or plans to hurt someone else. */
  HARM_TO_OTHERS,
  DISTRESS;

  /** The lower-case name used in data files and JSON ("suicide", "self_harm", ...). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RiskCategory fromCode(String code) {
    for (RiskCategory category : values()) {
      if (category.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
        return category;
      }
    }
    throw new IllegalArgumentException("unknown category '" + code + "'");
  }
}
