package org.xinqiao.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.AopTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The weekly push end to end in the embedded default: the real push and the real WeChat adapter
 * (WxJava) against the simulator's fake API, and the article arriving in the parent persona's chat.
 * Nothing is faked but WeChat itself.
 */
class WeeklyPushThroughSimulatorTest extends SimulatorAppTest {

  private static final String PARENT = "o_sim_parent_0001";
  private static final String PARENTS_TAG = "xinqiao-parents";

  @Autowired ApplicationContext context;
  @Autowired Followers followers;
  @Autowired ApiJournal journal;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aConsentedParentIsTaggedAndGetsTheWeeksArticleAsACard() throws Exception {
    long before = journal.lastSeq();

    JsonNode consent =
        post("/sim/api/send", "{\"openid\":\"%s\",\"text\":\"同意\"}".formatted(PARENT));
    // consent alone puts the parent in the tag (People.Consented), without waiting for a check;
    // waited for because a slow reply is finished after the callback has been answered
    for (int i = 0; i < 100 && !followers.carries(PARENT, PARENTS_TAG); i++) {
      Thread.sleep(200);
    }
    assertThat(followers.carries(PARENT, PARENTS_TAG)).as(consent.toString()).isTrue();

    runWeeklyPushCheck();

    List<ApiJournal.ApiCall> calls = journal.callsSince(before);
    assertThat(calls)
        .filteredOn(c -> c.api().equals("material/add_material"))
        .allSatisfy(c -> assertThat(c.errcode()).isZero());
    // one draft and one mass send per audience: the parents' goes to the parents' tag
    ApiJournal.ApiCall draft = only(calls, "draft/add", "/articles/p");
    assertThat(draft.detail()).contains("\"thumb_media_id\":\"SIM_MEDIA_");
    int parentsTag =
        followers.tags().stream()
            .filter(t -> t.name().equals(PARENTS_TAG))
            .findFirst()
            .orElseThrow()
            .id();
    ApiJournal.ApiCall massSend = only(calls, "message/mass/sendall", "\"tag_id\":" + parentsTag);
    JsonNode sent = JsonMapper.shared().readTree(massSend.detail());
    assertThat(sent.path("msgtype").asString()).isEqualTo("mpnews");
    assertThat(sent.path("clientmsgid").asString()).isNotBlank();
    assertThat(sent.path("mpnews").path("media_id").asString()).startsWith("SIM_MEDIA_");

    JsonNode article = lastMassSend(get("/sim/api/messages?openid=" + PARENT + "&since=" + before));
    assertThat(article.path("title").asString()).isNotBlank();
    assertThat(article.path("text").asString()).isNotBlank();
    assertThat(article.path("url").asString()).matches("https?://.+/articles/p\\d+-[a-z-]+");
    assertThat(article.path("cover").asString()).startsWith("sim/media/");
    HttpResponse<byte[]> cover =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/" + article.path("cover").asString()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(cover.statusCode()).isEqualTo(200);
    assertThat(cover.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
    assertThat(cover.body()).isNotEmpty();

    // the next check finds the week sent and sends nothing again
    long afterSend = journal.lastSeq();
    runWeeklyPushCheck();
    assertThat(journal.callsSince(afterSend))
        .noneMatch(c -> c.api().equals("message/mass/sendall"));
  }

  /** The durable task's body (the scheduler is off in this context so no timer races the test). */
  private void runWeeklyPushCheck() throws Exception {
    Class<?> type = Class.forName("org.xinqiao.push.WeeklyPush");
    Object push = AopTestUtils.getTargetObject(context.getBean(type));
    Method check = type.getDeclaredMethod("check");
    check.setAccessible(true);
    check.invoke(push);
  }

  /** The one successful call to the api whose request contains {@code marker}. */
  private static ApiJournal.ApiCall only(
      List<ApiJournal.ApiCall> calls, String api, String marker) {
    List<ApiJournal.ApiCall> matching =
        calls.stream()
            .filter(c -> c.api().equals(api))
            .filter(c -> c.detail() != null && c.detail().contains(marker))
            .toList();
    assertThat(matching).as(api).hasSize(1);
    assertThat(matching.get(0).errcode()).as(api + " errcode").isZero();
    return matching.get(0);
  }

  private static JsonNode lastMassSend(JsonNode feed) {
    JsonNode found = null;
    for (JsonNode m : feed.path("messages")) {
      if ("群发".equals(m.path("kind").asString())) {
        found = m;
      }
    }
    assertThat(found).as("a mass-sent article in the parent's chat").isNotNull();
    return found;
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

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JsonMapper.shared().readTree(response.body());
  }
}
