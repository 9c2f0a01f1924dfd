package org.xinqiao.appointment;

/** The database guarantees on H2 in PostgreSQL mode (the embedded default). */
@AppointmentSpringTest
class DoubleBookingOnH2Test extends DoubleBookingScenarios {}
