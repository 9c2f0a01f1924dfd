package org.xinqiao.appointment;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinqiao.testsupport.TestDatabase;

/** The database guarantees on a real PostgreSQL (embedded, started by the test support). */
@SpringBootTest(
    properties = {"xinqiao.simulator.enabled=false", "xinqiao.scheduler.polling-interval=100ms"})
@Import(AppointmentTestSupport.class)
class DoubleBookingOnPostgresTest extends DoubleBookingScenarios {

  static final TestDatabase POSTGRES = TestDatabase.postgres();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    POSTGRES.register(registry);
  }

  // not closed after the class: Spring keeps the context (and its scheduler) for the whole run;
  // the embedded server and its schemas go at JVM exit
}
