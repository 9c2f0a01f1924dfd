package org.xinqiao.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.client.RestClient;

/**
 * WeCom (企业微信) application message to a counselor's WeCom account: gettoken, then message/send. Two
 * plain HTTPS JSON calls, so no SDK. The token is cached until shortly before it expires.
 */
final class WeComAppPager implements Pager {

  private final EscalationProperties.WeComApp settings;
  private final RestClient http;
  private final Clock clock;
  private String token;
  private Instant tokenExpires = Instant.MIN;

  WeComAppPager(EscalationProperties.WeComApp settings, RestClient.Builder http, Clock clock) {
    this.settings = settings;
    this.http = http.baseUrl(settings.baseUrl()).build();
    this.clock = clock;
  }

  @Override
  public String channel() {
    return "wecom-app";
  }

  @Override
  public boolean reaches(Counselor counselor) {
    return counselor.wecomUser() != null && !counselor.wecomUser().isBlank();
  }

  @Override
  public void send(Counselor counselor, String text) {
    Map<?, ?> response =
        http.post()
            .uri("/cgi-bin/message/send?access_token={t}", token())
            .body(
                Map.of(
                    "agentid", settings.agentId(),
                    "touser", counselor.wecomUser(),
                    "msgtype", "text",
                    "text", Map.of("content", text),
                    "safe", "0"))
            .retrieve()
            .body(Map.class);
    WeComErrors.check("message/send", response);
    if (response.get("invaliduser") instanceof String invalid && !invalid.isBlank()) {
      throw new IllegalStateException("WeCom message/send: invalid user");
    }
  }

  private synchronized String token() {
    if (token == null || clock.instant().isAfter(tokenExpires)) {
      Map<?, ?> response =
          http.get()
              .uri(
                  "/cgi-bin/gettoken?corpid={c}&corpsecret={s}",
                  settings.corpId(),
                  settings.secret())
              .retrieve()
              .body(Map.class);
      WeComErrors.check("gettoken", response);
      token = (String) response.get("access_token");
      long seconds = response.get("expires_in") instanceof Number n ? n.longValue() : 7200L;
      tokenExpires = clock.instant().plusSeconds(Math.max(60, seconds - 300));
    }
    return token;
  }
}
