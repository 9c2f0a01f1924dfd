package org.xinqiao.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The system-of-record DataSource: PostgreSQL (or any JDBC url) from {@code xinqiao.db.url}, else
 * an H2 file database in PostgreSQL mode under {@code xinqiao.db.data-dir}. Flyway (Boot's
 * auto-configuration) migrates it from {@code classpath:db/migration} before anything uses it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DbSettings.class)
class DataSourceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

  /** Options that make H2 behave like PostgreSQL for our portable SQL. */
  static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DbSettings settings) throws IOException {
    HikariConfig config = new HikariConfig();
    config.setPoolName("xinqiao-db");
    config.setMaximumPoolSize(settings.poolSize());
    if (settings.embedded()) {
      Path dir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
      Files.createDirectories(dir);
      // Spring closes the pool on shutdown; H2 must not close itself first. WRITE_DELAY=0: H2
      // otherwise keeps committed changes in memory for 500 ms, so a kill -9 right after a
      // safety reply ("the counselor has been told") lost the escalation it promised.
      config.setJdbcUrl(
          "jdbc:h2:file:"
              + dir.resolve("xinqiao")
              + H2_OPTIONS
              + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
      config.setUsername("sa");
      config.setPassword("");
      log.info("Database: embedded H2 in {}", dir);
    } else {
      config.setJdbcUrl(settings.url().trim());
      config.setUsername(settings.username());
      config.setPassword(settings.password());
      // a JDBC url may carry a password in its query string
      log.info("Database: {}", settings.url().replaceFirst("[?;].*", ""));
    }
    return new HikariDataSource(config);
  }
}
