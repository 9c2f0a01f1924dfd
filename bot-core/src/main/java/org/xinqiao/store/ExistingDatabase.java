package org.xinqiao.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The configured database opened for a command-line tool, without the server: the same {@code
 * xinqiao.db.*} settings (environment variables such as {@code XINQIAO_DB_URL} or {@code -D}
 * properties), but never created or migrated here. Refuses a missing embedded database or one
 * Flyway has not migrated, so a report is never run against an empty schema.
 */
public final class ExistingDatabase implements AutoCloseable {

  private final HikariDataSource dataSource;

  private ExistingDatabase(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Opens the database {@code environment} configures; fails with a message for the operator. */
  public static ExistingDatabase open(Environment environment) {
    DbSettings settings =
        Binder.get(environment)
            .bind("xinqiao.db", DbSettings.class)
            .orElseGet(() -> new DbSettings(null, null, null, 2, "./data"));
    HikariConfig config = new HikariConfig();
    config.setPoolName("xinqiao-cli");
    config.setMaximumPoolSize(2);
    if (settings.embedded()) {
      Path dir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
      if (!Files.exists(dir.resolve("xinqiao.mv.db"))) {
        throw new IllegalStateException(
            "No database in "
                + dir
                + ": start the server once (it creates and migrates it), or set xinqiao.db.data-dir"
                + " / xinqiao.db.url.");
      }
      config.setJdbcUrl(
          "jdbc:h2:file:"
              + dir.resolve("xinqiao")
              + DataSourceConfiguration.H2_OPTIONS
              + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r");
      config.setUsername("sa");
      config.setPassword("");
    } else {
      config.setJdbcUrl(settings.url().trim());
      config.setUsername(settings.username());
      config.setPassword(settings.password());
    }
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Cannot open the database (" + rootMessage(e) + "). Is the server still running?", e);
    }
    ExistingDatabase db = new ExistingDatabase(dataSource);
    if (!db.migrated()) {
      db.close();
      throw new IllegalStateException(
          "The database has no XinQiao tables yet: start the server once so that it migrates it.");
    }
    return db;
  }

  public JdbcClient jdbc() {
    return JdbcClient.create(dataSource);
  }

  private boolean migrated() {
    try {
      Integer applied =
          jdbc()
              .sql("select count(*) from flyway_schema_history where success = true")
              .query(Integer.class)
              .single();
      return applied != null && applied > 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
