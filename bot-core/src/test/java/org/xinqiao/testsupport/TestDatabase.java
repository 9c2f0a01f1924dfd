package org.xinqiao.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh, migrated database for one test class: H2 in PostgreSQL mode (in memory, its own name) or
 * PostgreSQL (a schema of its own in the JVM-wide embedded server, see {@link TestPostgres}).
 * Flyway has applied every {@code db/migration} script. Closing it drops the schema and closes the
 * pool.
 *
 * <p>Run the same repository tests on both databases with JUnit's class parameterisation:
 *
 * <pre>{@code
 * @ParameterizedClass
 * @MethodSource("org.xinqiao.testsupport.TestDatabase#both")
 * class AppointmentRepositoryTest {
 *   @Parameter TestDatabase db;   // closed by JUnit after the class
 *
 *   @Test
 *   void findsBookedSlots() {
 *     var repository = new AppointmentRepository(db.jdbc());
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>For a Spring context test on PostgreSQL: {@code static final TestDatabase DB =
 * TestDatabase.postgres();} and {@code @DynamicPropertySource static void
 * db(DynamicPropertyRegistry r) { DB.register(r); }}. The context's own Flyway then finds the
 * schema already migrated.
 */
public final class TestDatabase implements AutoCloseable {

  /** Which database engine. */
  public enum Kind {
    H2,
    POSTGRES
  }

  private static final AtomicInteger counter = new AtomicInteger();

  private final Kind kind;
  private final String url;
  private final String username;
  private final String password;
  private final Runnable dropper;
  private final HikariDataSource dataSource;

  private TestDatabase(Kind kind, String url, String username, String password, Runnable dropper) {
    this.kind = kind;
    this.url = url;
    this.username = username;
    this.password = password;
    this.dropper = dropper;
    HikariConfig config = new HikariConfig();
    config.setPoolName("test-" + kind.name().toLowerCase() + "-" + counter.get());
    config.setJdbcUrl(url);
    config.setUsername(username);
    config.setPassword(password);
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(0);
    this.dataSource = new HikariDataSource(config);
  }

  /** One fresh migrated database of each kind, created lazily: H2 first, then PostgreSQL. */
  public static Stream<TestDatabase> both() {
    return Stream.of(Kind.values()).map(TestDatabase::migrated);
  }

  public static TestDatabase h2() {
    return migrated(Kind.H2);
  }

  public static TestDatabase postgres() {
    return migrated(Kind.POSTGRES);
  }

  /** A fresh database of the kind with every migration applied. */
  public static TestDatabase migrated(Kind kind) {
    TestDatabase db = empty(kind);
    Flyway.configure().dataSource(db.dataSource).load().migrate();
    return db;
  }

  /** A fresh database with nothing in it (to test migrations themselves). */
  public static TestDatabase empty(Kind kind) {
    int n = counter.incrementAndGet();
    if (kind == Kind.H2) {
      String url =
          "jdbc:h2:mem:xq_test_"
              + n
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
              + ";DB_CLOSE_DELAY=-1";
      // an in-memory database lives until SHUTDOWN: free it when the test class is done
      return new TestDatabase(kind, url, "sa", "", () -> {});
    }
    TestPostgres.Schema schema = TestPostgres.newSchema(n);
    return new TestDatabase(kind, schema.url(), schema.username(), schema.password(), schema::drop);
  }

  public Kind kind() {
    return kind;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public JdbcClient jdbc() {
    return JdbcClient.create(dataSource);
  }

  public String url() {
    return url;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  /** Points a Spring context at this database ({@code xinqiao.db.*}). */
  public void register(DynamicPropertyRegistry registry) {
    registry.add("xinqiao.db.url", this::url);
    registry.add("xinqiao.db.username", this::username);
    registry.add("xinqiao.db.password", this::password);
  }

  @Override
  public void close() {
    if (kind == Kind.H2) {
      jdbc().sql("SHUTDOWN").update();
    }
    dataSource.close();
    dropper.run();
  }

  /** The kind's name, which JUnit shows as the parameter. */
  @Override
  public String toString() {
    return kind.name();
  }
}
