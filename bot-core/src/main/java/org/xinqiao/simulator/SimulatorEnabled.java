package org.xinqiao.simulator;

import java.net.URI;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Decides whether the simulator runs. A page that can sign callbacks for any openid must never face
 * the public (DESIGN.md), so it runs only when {@code xinqiao.simulator.enabled=true} AND the bot's
 * WeChat client points at the simulator's own fake API on this machine; with a real account it
 * stays off unless an admin also sets {@code xinqiao.simulator.allow-with-real-account=true}.
 */
final class SimulatorEnabled extends SpringBootCondition {

  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata meta) {
    return decide(context.getEnvironment());
  }

  static ConditionOutcome decide(Environment env) {
    if (!env.getProperty("xinqiao.simulator.enabled", Boolean.class, false)) {
      return ConditionOutcome.noMatch("xinqiao.simulator.enabled is not true");
    }
    if (pointsAtSimulator(env.getProperty("xinqiao.wechat.api-base-url", ""))) {
      return ConditionOutcome.match("the WeChat client uses the simulator's fake API");
    }
    if (env.getProperty("xinqiao.simulator.allow-with-real-account", Boolean.class, false)) {
      return ConditionOutcome.match("allowed with a real account by allow-with-real-account");
    }
    return ConditionOutcome.noMatch(
        "xinqiao.wechat.api-base-url is a real WeChat API and"
            + " xinqiao.simulator.allow-with-real-account is not true");
  }

  /** True for http://localhost[:port]/.../sim/wxapi, the fake API this package serves. */
  static boolean pointsAtSimulator(String apiBaseUrl) {
    try {
      URI uri = URI.create(apiBaseUrl.strip());
      String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
      return "http".equals(uri.getScheme())
          && uri.getHost() != null
          && LOCAL_HOSTS.contains(uri.getHost().toLowerCase())
          && path.endsWith("/sim/wxapi");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
