package org.xinqiao.deployment;

import java.util.List;

/**
 * The WeChat settings mix a real account with the simulator's public values; start-up stops with
 * {@link #problems()} (setting names and environment variables only, never a value).
 */
public final class AccountMisconfigured extends IllegalStateException {

  private final List<String> problems;

  AccountMisconfigured(List<String> problems) {
    super(
        "XinQiao refuses to start: the WeChat settings are neither the simulator's demo account nor"
            + " a complete real account: "
            + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
