package org.xinqiao.store;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Redis for shared state ({@code xinqiao.redis.*}). Unset url: the in-process store is used.
 *
 * @param url {@code redis://[[user]:password@]host:port[/db]} or {@code rediss://} for TLS; with
 *     Sentinel, the url still gives password, database and TLS while its host is ignored
 * @param keyPrefix put before every key so several apps can share one Redis
 * @param connectTimeout also the longest wait for a pooled connection
 * @param commandTimeout socket read timeout for one command
 * @param poolSize most connections per instance
 * @param retryAfter after a failure, how long calls go to the in-process store before Redis is
 *     tried again
 * @param sentinel optional Redis Sentinel (master name and sentinel nodes)
 */
@Validated
@ConfigurationProperties("xinqiao.redis")
record RedisSettings(
    String url,
    @DefaultValue("xq:") @NotNull String keyPrefix,
    @DefaultValue("500ms") @NotNull Duration connectTimeout,
    @DefaultValue("500ms") @NotNull Duration commandTimeout,
    @DefaultValue("16") @Min(1) int poolSize,
    @DefaultValue("5s") @NotNull Duration retryAfter,
    @DefaultValue @Valid Sentinel sentinel) {

  /**
   * @param master the master's name as the sentinels know it; blank means no Sentinel
   * @param nodes sentinel addresses as host:port
   * @param password the sentinels' own password, if they have one
   */
  record Sentinel(String master, @DefaultValue List<@NotBlank String> nodes, String password) {

    boolean enabled() {
      return master != null && !master.isBlank();
    }

    @Override
    public String toString() {
      return "Sentinel[master="
          + master
          + ", nodes="
          + nodes
          + ", password="
          + mask(password)
          + "]";
    }
  }

  boolean enabled() {
    return url != null && !url.isBlank();
  }

  @Override
  public String toString() {
    return "RedisSettings[url="
        + redactedUrl()
        + ", keyPrefix="
        + keyPrefix
        + ", connectTimeout="
        + connectTimeout
        + ", commandTimeout="
        + commandTimeout
        + ", poolSize="
        + poolSize
        + ", retryAfter="
        + retryAfter
        + ", sentinel="
        + sentinel
        + "]";
  }

  /** The url without its user-info part, safe to log. */
  String redactedUrl() {
    if (url == null) {
      return null;
    }
    int scheme = url.indexOf("://");
    int at = url.lastIndexOf('@');
    return scheme >= 0 && at > scheme
        ? url.substring(0, scheme + 3) + "***@" + url.substring(at + 1)
        : url;
  }

  private static String mask(String secret) {
    return secret == null || secret.isEmpty() ? "" : "***";
  }
}
