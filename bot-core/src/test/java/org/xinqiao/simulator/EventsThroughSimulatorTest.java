package org.xinqiao.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Out of the box, the simulator's parent finds the sample workshop and its teacher the sample staff
 * training, and signs up, through signed WeChat callbacks to the real portal.
 */
class EventsThroughSimulatorTest extends SimulatorAppTest {

  private static final Pattern FIRST_NUMBER = Pattern.compile("(?m)^(\\d+)\\. ");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aNewParentSeesTheSampleWorkshopAndSignsUp() throws Exception {
    String openid = post("/sim/api/personas", "{}").path("openid").asString();
    send(openid, null, "subscribe");
    send(openid, "同意", null);

    String list = send(openid, "活动", null);
    assertThat(list).contains("亲子沟通工作坊").doesNotContain("全员培训");
    Matcher m = FIRST_NUMBER.matcher(list);
    assertThat(m.find()).isTrue();

    assertThat(send(openid, "报名" + m.group(1), null)).contains("报名成功").contains("亲子沟通工作坊");
    assertThat(send(openid, "我的活动", null)).contains("（已报名）");
  }

  @Test
  void theTeacherPersonaSeesTheSampleStaffTraining() throws Exception {
    send("o_sim_teacher_0001", "同意", null); // consent first, as anyone would
    assertThat(send("o_sim_teacher_0001", "活动", null))
        .contains("全员培训：学生心理危机的早期识别")
        .doesNotContain("亲子沟通工作坊");
    assertThat(send("o_sim_teacher_0001", "我的培训", null)).contains("至少 4 次");
  }

  private String send(String openid, String text, String event) throws Exception {
    String json =
        event != null
            ? "{\"openid\":\"%s\",\"event\":\"%s\"}".formatted(openid, event)
            : "{\"openid\":\"%s\",\"text\":\"%s\"}".formatted(openid, text);
    return post("/sim/api/send", json).path("text").asString();
  }

  private JsonNode post(String path, String json) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JsonMapper.shared().readTree(response.body());
  }
}
