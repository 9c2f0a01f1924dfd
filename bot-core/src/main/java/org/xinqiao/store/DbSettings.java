package org.xinqiao.store;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The relational database ({@code xinqiao.db.*}), the system of record.
 *
 * @param url a JDBC url, e.g. {@code jdbc:postgresql://db:5432/xinqiao}; unset means an H2 file
 *     database in {@code dataDir}
 * @param username database user
 * @param password database password
 * @param poolSize most pooled connections per instance
 * @param dataDir where the embedded H2 database lives (created when missing)
 */
@Validated
@ConfigurationProperties("xinqiao.db")
record DbSettings(
    String url,
    String username,
    String password,
    @DefaultValue("10") @Min(1) int poolSize,
    @DefaultValue("./data") @NotBlank String dataDir) {

  boolean embedded() {
    return url == null || url.isBlank();
  }

  @Override
  public String toString() {
    return "DbSettings[url="
        + url
        + ", username="
        + username
        + ", password="
        + (password == null || password.isEmpty() ? "" : "***")
        + ", poolSize="
        + poolSize
        + ", dataDir="
        + dataDir
        + "]";
  }
}
