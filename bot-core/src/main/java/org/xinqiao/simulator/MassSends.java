package org.xinqiao.simulator;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Mass-send bookkeeping: clientmsgid deduplication (WeChat answers 45065 with the earlier msg_id)
 * and the service-account rule that each follower receives at most 4 mass sends a month.
 */
final class MassSends {

  static final int PER_FOLLOWER_PER_MONTH = 4;
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final Clock clock;
  private final Map<String, Long> byClientMsgId = new HashMap<>();
  private final Map<String, Integer> receivedThisMonth = new HashMap<>();
  private long nextMsgId = 1_000_000_001L;

  MassSends(Clock clock) {
    this.clock = clock;
  }

  /** The msg_id of an earlier send with this clientmsgid, if any. */
  synchronized Optional<Long> earlier(String clientMsgId) {
    return Optional.ofNullable(clientMsgId).map(byClientMsgId::get);
  }

  synchronized long newMsgId(String clientMsgId) {
    long msgId = nextMsgId++;
    if (clientMsgId != null && !clientMsgId.isBlank()) {
      byClientMsgId.put(clientMsgId, msgId);
    }
    return msgId;
  }

  /** Counts one mass send towards this follower's month; false when it does not reach them. */
  synchronized boolean reaches(String openid) {
    String key = openid + "@" + YearMonth.now(clock.withZone(CHINA));
    int count = receivedThisMonth.merge(key, 1, Integer::sum);
    return count <= PER_FOLLOWER_PER_MONTH;
  }
}
