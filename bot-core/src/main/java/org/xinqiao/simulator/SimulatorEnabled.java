package org.xinqiao.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.xinqiao.deployment.AccountMode;

/**
 * Decides whether the simulator runs. A page that can sign callbacks for any openid must never face
 * the public (DESIGN.md), so it runs only when {@code xinqiao.simulator.enabled=true} AND every
 * WeChat setting is the simulator's own ({@link AccountMode#isSimulator}); beside a complete real
 * account only when an admin also sets {@code xinqiao.simulator.allow-with-real-account=true} (then
 * behind the console's admin login, see {@link SimulatorSecurity}). A mix of both never runs it
 * (and start-up refuses the mix anyway).
 */
final class SimulatorEnabled extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata meta) {
    return decide(context.getEnvironment());
  }

  static ConditionOutcome decide(Environment env) {
    if (!env.getProperty("xinqiao.simulator.enabled", Boolean.class, false)) {
      return ConditionOutcome.noMatch("xinqiao.simulator.enabled is not true");
    }
    if (AccountMode.isSimulator(env)) {
      return ConditionOutcome.match("every WeChat setting is the simulator's own account");
    }
    if (!AccountMode.isReal(env)) {
      return ConditionOutcome.noMatch(
          "the WeChat settings mix a real account with the simulator's values");
    }
    if (env.getProperty("xinqiao.simulator.allow-with-real-account", Boolean.class, false)) {
      return ConditionOutcome.match("allowed with a real account by allow-with-real-account");
    }
    return ConditionOutcome.noMatch(
        "the WeChat settings are a real account and"
            + " xinqiao.simulator.allow-with-real-account is not true");
  }

  /** True when the simulator runs beside a real account (admins only, no seeded personas). */
  static boolean besideRealAccount(Environment env) {
    return !AccountMode.isSimulator(env);
  }
}
