package org.xinqiao.channels.simulator;

import java.util.Objects;

/**
 * The official account the simulated WeChat server delivers to.
 *
 * @param appId the account's app id (also the trailer of every encrypted envelope)
 * @param originalId the account's original id (gh_...), written as ToUserName
 * @param token the callback token both sides sign with
 * @param encodingAesKey the 43-character EncodingAESKey for safe mode
 */
public record SimulatedAccount(
    String appId, String originalId, String token, String encodingAesKey) {

  public SimulatedAccount {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(originalId, "originalId");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(encodingAesKey, "encodingAesKey");
  }

  @Override
  public String toString() {
    return "SimulatedAccount[appId=" + appId + ", originalId=" + originalId + "]";
  }
}
