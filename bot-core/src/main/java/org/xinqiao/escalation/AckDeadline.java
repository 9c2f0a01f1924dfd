package org.xinqiao.escalation;

import java.io.Serializable;

/** When it fires and the escalation is still open, {@code step} of the rota is paged. */
record AckDeadline(long escalationId, int step) implements Serializable {

  String instanceId() {
    return "e" + escalationId + "-s" + step;
  }
}
