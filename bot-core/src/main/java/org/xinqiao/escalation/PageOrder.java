package org.xinqiao.escalation;

import java.io.Serializable;

/** A page waiting in the outbox (db-scheduler task data): ids only, never message text. */
record PageOrder(long escalationId, int step, String channel, String recipient)
    implements Serializable {

  String instanceId() {
    return "e" + escalationId + "-s" + step + "-" + channel + "-" + recipient;
  }
}
