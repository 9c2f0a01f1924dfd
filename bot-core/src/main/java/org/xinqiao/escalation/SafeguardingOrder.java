package org.xinqiao.escalation;

import java.io.Serializable;

/**
 * db-scheduler task data for mandatory reports: ids only. A page to one safeguarding lead ({@code
 * personId} set), or the decision deadline of a round ({@code personId} null).
 */
record SafeguardingOrder(long escalationId, int round, Long personId) implements Serializable {

  String instanceId() {
    return "e" + escalationId + "-r" + round + (personId == null ? "" : "-p" + personId);
  }
}
