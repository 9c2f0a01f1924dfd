package org.xinqiao.escalation;

import java.util.Map;

/** WeCom answers HTTP 200 with an errcode; anything but 0 is a failure worth retrying. */
final class WeComErrors {

  private WeComErrors() {}

  static void check(String call, Map<?, ?> response) {
    if (response == null) {
      throw new IllegalStateException("WeCom " + call + ": empty response");
    }
    Object code = response.get("errcode");
    if (code instanceof Number n && n.intValue() != 0) {
      throw new IllegalStateException("WeCom " + call + ": errcode " + n);
    }
  }
}
