package org.xinqiao.escalation;

import java.util.List;
import java.util.Map;
import org.springframework.web.client.RestClient;

/** A WeCom group robot (群机器人) webhook: one page per round to the counselors' group. */
final class WeComRobotPager implements Pager {

  private final EscalationProperties.WeComRobot settings;
  private final RestClient http;

  WeComRobotPager(EscalationProperties.WeComRobot settings, RestClient.Builder http) {
    this.settings = settings;
    this.http = http.baseUrl(settings.baseUrl()).build();
  }

  @Override
  public String channel() {
    return "wecom-robot";
  }

  @Override
  public boolean group() {
    return true;
  }

  @Override
  public boolean reaches(Counselor counselor) {
    return false;
  }

  @Override
  public void send(Counselor team, String text) {
    Map<?, ?> response =
        http.post()
            .uri("/cgi-bin/webhook/send?key={k}", settings.key())
            .body(
                Map.of(
                    "msgtype",
                    "text",
                    "text",
                    Map.of("content", text, "mentioned_list", List.of("@all"))))
            .retrieve()
            .body(Map.class);
    WeComErrors.check("webhook/send", response);
  }
}
