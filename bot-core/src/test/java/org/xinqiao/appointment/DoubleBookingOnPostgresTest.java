package org.xinqiao.appointment;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The database guarantees on a real PostgreSQL (embedded, started by the test). */
@SpringBootTest(properties = "xinqiao.simulator.enabled=false")
@Import(AppointmentTestSupport.class)
class DoubleBookingOnPostgresTest extends DoubleBookingScenarios {

  static final EmbeddedPostgres POSTGRES = start();

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new IllegalStateException("embedded PostgreSQL did not start", e);
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = POSTGRES.getJdbcUrl("postgres", "postgres");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    registry.add("xinqiao.db.url", () -> url);
    registry.add("xinqiao.db.username", () -> "postgres");
    registry.add("xinqiao.db.password", () -> "postgres");
  }

  @AfterAll
  static void stop() throws IOException {
    POSTGRES.close();
  }
}
