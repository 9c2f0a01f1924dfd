package org.xinqiao.report;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How soon a counselor must acknowledge an escalation, by urgency: the escalation feature's own
 * {@code xinqiao.escalation.ack-timeout.*} settings, read from the same configuration so the report
 * measures against the deadline the pager actually used.
 */
record AckDeadlines(Duration imminent, Duration high) {

  static AckDeadlines from(Environment environment) {
    Binder binder = Binder.get(environment);
    return new AckDeadlines(
        binder
            .bind("xinqiao.escalation.ack-timeout.imminent", Duration.class)
            .orElse(Duration.ofMinutes(2)),
        binder
            .bind("xinqiao.escalation.ack-timeout.high", Duration.class)
            .orElse(Duration.ofMinutes(10)));
  }

  Duration of(String urgency) {
    return "IMMINENT".equals(urgency) ? imminent : high;
  }
}
