package org.xinqiao.simulator;

import java.util.Map;

/**
 * The door of every fake-API call: checks the access_token like WeChat and writes the call to the
 * journal whatever the outcome, so the IT person sees refused calls too.
 */
final class FakeApiAccess {

  private final FakeTokens tokens;
  private final ApiJournal journal;

  FakeApiAccess(FakeTokens tokens, ApiJournal journal) {
    this.tokens = tokens;
    this.journal = journal;
  }

  /** 0 when the token is good; otherwise journals the refusal and returns WeChat's errcode. */
  int admit(String api, String accessToken, String body) {
    int errcode = tokens.check(accessToken);
    if (errcode != 0) {
      journal.call(api, null, errcode, body);
    }
    return errcode;
  }

  Map<String, Object> record(String api, String openid, Map<String, Object> answer, String body) {
    journal.call(api, openid, (Integer) answer.get("errcode"), body);
    return answer;
  }
}
