package org.xinqiao.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The page's JSON endpoints over real HTTP, with callbacks really delivered to the portal. */
class SimulatorApiTest extends SimulatorAppTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void listsTheFixedPersonasWhoAlreadyFollow() throws Exception {
    JsonNode personas = get("/sim/api/personas").path("personas");

    assertThat(personas.findValuesAsString("openid"))
        .contains(
            "o_sim_parent_0001", "o_sim_teacher_0001", "o_sim_counselor_0001", "o_sim_admin_0001");
    personas.forEach(
        p -> {
          if (p.path("openid").asString().startsWith("o_sim_")
              && !p.path("openid").asString().startsWith("o_sim_new_")) {
            assertThat(p.path("following").asBoolean()).isTrue();
          }
        });
  }

  @Test
  void theTeacherCounselorAndAdminPersonasAreStaffOutOfTheBox(
      @org.springframework.beans.factory.annotation.Autowired org.xinqiao.people.People people) {
    assertThat(people.find("wechat", "o_sim_counselor_0001").orElseThrow().role())
        .isEqualTo(org.xinqiao.people.Role.COUNSELOR);
    assertThat(people.find("wechat", "o_sim_teacher_0001").orElseThrow().role())
        .isEqualTo(org.xinqiao.people.Role.TEACHER);
    assertThat(people.find("wechat", "o_sim_admin_0001").orElseThrow().role())
        .isEqualTo(org.xinqiao.people.Role.ADMIN);
    assertThat(people.find("wechat", "o_sim_parent_0001").map(p -> p.role()))
        .isNotEqualTo(java.util.Optional.of(org.xinqiao.people.Role.COUNSELOR));
  }

  @Test
  void deliversAPlainTextAndShowsTheBotsPassiveReply() throws Exception {
    String openid = followingNewParent();

    JsonNode reply = send("{\"openid\":\"%s\",\"text\":\"孩子晚上睡不着\"}".formatted(openid));

    assertThat(reply.path("status").asString()).isEqualTo("MESSAGE");
    assertThat(reply.path("text").asString()).isNotBlank();
    assertThat(reply.path("encrypted").asBoolean()).isFalse();
  }

  @Test
  void deliversInSafeModeAndReadsTheEncryptedReply() throws Exception {
    String openid = followingNewParent();

    JsonNode reply =
        send("{\"openid\":\"%s\",\"text\":\"你好\",\"encrypted\":true}".formatted(openid));

    assertThat(reply.path("status").asString()).isEqualTo("MESSAGE");
    assertThat(reply.path("encrypted").asBoolean()).isTrue();
  }

  @Test
  void aNewParentMustFollowBeforeWriting() throws Exception {
    String openid = post("/sim/api/personas", "{}").body().path("openid").asString();

    Answer refused = post("/sim/api/send", "{\"openid\":\"%s\",\"text\":\"你好\"}".formatted(openid));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("error").asString()).contains("关注");
  }

  @Test
  void refusesAnOpenidItDidNotIssue() throws Exception {
    Answer refused = post("/sim/api/send", "{\"openid\":\"o_real_person\",\"text\":\"hi\"}");

    assertThat(refused.status()).isEqualTo(404);
  }

  @Test
  void journalsEachDeliveryForTheLogPanel() throws Exception {
    String openid = followingNewParent();
    long before = get("/sim/api/journal").path("last").asLong();

    send("{\"openid\":\"%s\",\"event\":\"CLICK\",\"key\":\"BOOK\"}".formatted(openid));

    JsonNode calls = get("/sim/api/journal?since=" + before).path("calls");
    assertThat(calls.findValuesAsString("api")).anyMatch(a -> a.startsWith("callback"));
    assertThat(calls.findValuesAsString("detail")).anyMatch(d -> d.contains("CLICK BOOK"));
  }

  private String followingNewParent() throws Exception {
    String openid = post("/sim/api/personas", "{}").body().path("openid").asString();
    JsonNode followed = send("{\"openid\":\"%s\",\"event\":\"subscribe\"}".formatted(openid));
    assertThat(followed.path("following").asBoolean()).isTrue();
    return openid;
  }

  private JsonNode send(String json) throws Exception {
    Answer answer = post("/sim/api/send", json);
    assertThat(answer.status()).isEqualTo(200);
    return answer.body();
  }

  record Answer(int status, JsonNode body) {}

  private Answer post(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JsonMapper.shared().readTree(response.body()));
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JsonMapper.shared().readTree(response.body());
  }
}
