package org.xinqiao.event;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinqiao.testsupport.TestDatabase;

/** The database guarantees of events on a real PostgreSQL (embedded, started by the test). */
@SpringBootTest(
    properties = {"xinqiao.simulator.enabled=false", "xinqiao.scheduler.polling-interval=100ms"})
@Import(EventTestSupport.class)
class EventSeatsOnPostgresTest extends EventSeatScenarios {

  static final TestDatabase POSTGRES = TestDatabase.postgres();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    POSTGRES.register(registry);
  }
}
