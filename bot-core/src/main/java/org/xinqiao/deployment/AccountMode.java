package org.xinqiao.deployment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.PropertyResolver;

/**
 * Tells the simulator's demo account from a real one. The demo is every {@link AccountSetting} at
 * the simulator's value; a real account is none of them. A mix (a real AppID with the repository's
 * token, or the real API with the simulator's secret) would let anyone who read the repository sign
 * callbacks or would open the simulator on real people, so start-up refuses it.
 */
public final class AccountMode {

  private AccountMode() {}

  /** The five settings as the environment has them (unset = empty). */
  public static Map<AccountSetting, String> settings(PropertyResolver env) {
    Map<AccountSetting, String> values = new EnumMap<>(AccountSetting.class);
    for (AccountSetting s : AccountSetting.values()) {
      values.put(s, env.getProperty(s.key(), ""));
    }
    return values;
  }

  /** True when every WeChat setting is the simulator's own: nothing real can be reached. */
  public static boolean isSimulator(PropertyResolver env) {
    return isSimulator(settings(env));
  }

  public static boolean isSimulator(Map<AccountSetting, String> values) {
    return simulatorValuesIn(values).size() == AccountSetting.values().length;
  }

  /** True when no WeChat setting is the simulator's: a real account, fully configured. */
  public static boolean isReal(PropertyResolver env) {
    return simulatorValuesIn(settings(env)).isEmpty();
  }

  /**
   * Whether plaintext callbacks are accepted when {@code allow-plaintext} is not set: only for the
   * simulator's account, because a plaintext body is not covered by WeChat's signature.
   */
  public static boolean plaintextByDefault(Map<AccountSetting, String> values) {
    return isSimulator(values);
  }

  /**
   * Refuses a WeChat configuration that is neither the simulator's nor fully real, and a real one
   * that has no EncodingAESKey while plaintext is not explicitly allowed.
   *
   * @param allowPlaintext {@code xinqiao.wechat.allow-plaintext}, or null when unset
   * @throws AccountMisconfigured naming each setting to fix, with its environment variable
   */
  public static void requireCoherent(Map<AccountSetting, String> values, Boolean allowPlaintext) {
    List<AccountSetting> left = simulatorValuesIn(values);
    if (left.size() == AccountSetting.values().length) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (AccountSetting s : left) {
      problems.add(
          "%s (%s) is still the simulator's public value: set %s"
              .formatted(s.key(), s.envVar(), s.realValue()));
    }
    if (left.isEmpty()
        && values.getOrDefault(AccountSetting.AES_KEY, "").isBlank()
        && !Boolean.TRUE.equals(allowPlaintext)) {
      AccountSetting aes = AccountSetting.AES_KEY;
      problems.add(
          ("%s (%s) is empty: set %s and choose 安全模式, or set xinqiao.wechat.allow-plaintext"
                  + " (XINQIAO_WECHAT_ALLOW_PLAINTEXT) to true to run in 明文模式")
              .formatted(aes.key(), aes.envVar(), aes.realValue()));
    }
    if (!problems.isEmpty()) {
      throw new AccountMisconfigured(problems);
    }
  }

  private static List<AccountSetting> simulatorValuesIn(Map<AccountSetting, String> values) {
    List<AccountSetting> left = new ArrayList<>();
    for (AccountSetting s : AccountSetting.values()) {
      if (s.isSimulatorValue(values.get(s))) {
        left.add(s);
      }
    }
    return left;
  }
}
