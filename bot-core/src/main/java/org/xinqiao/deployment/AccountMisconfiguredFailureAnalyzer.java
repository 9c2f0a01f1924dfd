package org.xinqiao.deployment;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refused WeChat settings as Spring Boot's short start-up failure report. */
class AccountMisconfiguredFailureAnalyzer extends AbstractFailureAnalyzer<AccountMisconfigured> {

  @Override
  protected FailureAnalysis analyze(Throwable root, AccountMisconfigured cause) {
    StringBuilder description =
        new StringBuilder(
            "The WeChat settings mix a real service account with the simulator's public demo"
                + " values (they are in the source repository, so anyone could sign callbacks or"
                + " reach the simulator):");
    cause.problems().forEach(p -> description.append("\n  - ").append(p));
    return new FailureAnalysis(
        description.toString(),
        "Set every xinqiao.wechat setting to the service account's own value (README,"
            + " \"Connecting a real service account\"), or unset all of them to run the simulator.",
        cause);
  }
}
