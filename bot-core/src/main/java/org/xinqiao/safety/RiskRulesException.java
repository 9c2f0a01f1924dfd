package org.xinqiao.safety;

/** A safety data file is wrong; the message names the file and line. Fails start-up on purpose. */
public final class RiskRulesException extends IllegalStateException {
  RiskRulesException(String message) {
    super(message);
  }
}
