package org.xinqiao.event;

/** The database guarantees of events on H2 in PostgreSQL mode (the embedded default). */
@EventSpringTest
class EventSeatsOnH2Test extends EventSeatScenarios {}
