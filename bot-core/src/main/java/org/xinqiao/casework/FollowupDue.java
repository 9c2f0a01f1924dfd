package org.xinqiao.casework;

import java.io.Serializable;

/** db-scheduler task data: a follow-up step of a case fell due. Ids only. */
record FollowupDue(long caseId, long followupId) implements Serializable {

  String instanceId() {
    return "c" + caseId + "-f" + followupId;
  }
}
