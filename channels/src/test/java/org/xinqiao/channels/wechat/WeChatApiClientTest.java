package org.xinqiao.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xinqiao.channels.ChannelException;

/** The API client against a tiny local fake of WeChat's API. */
class WeChatApiClientTest {

  record Call(String path, String query, String body) {}

  HttpServer server;
  final AtomicInteger tokenFetches = new AtomicInteger();
  final List<Call> calls = new CopyOnWriteArrayList<>();
  final Map<String, String> responses = new ConcurrentHashMap<>();
  WeChatAccount account;

  @BeforeEach
  void startFake() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          calls.add(new Call(path, exchange.getRequestURI().getQuery(), body));
          String answer;
          if (path.equals("/cgi-bin/stable_token")) {
            answer =
                "{\"access_token\":\"TOKEN"
                    + tokenFetches.incrementAndGet()
                    + "\",\"expires_in\":7200}";
          } else if (body.contains("oGone")) {
            answer = "{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}";
          } else if (body.contains("oQuota")) {
            answer = "{\"errcode\":45047,\"errmsg\":\"out of response count limit\"}";
          } else if (body.contains("oBusy")) {
            answer = "{\"errcode\":-1,\"errmsg\":\"system error\"}";
          } else {
            answer = responses.getOrDefault(path, "{\"errcode\":0,\"errmsg\":\"ok\"}");
          }
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    account =
        new WeChatAccount(
            "wxfake0000000001",
            "tok",
            null,
            null,
            "s3cret",
            "http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stopFake() {
    server.stop(0);
  }

  List<Call> callsTo(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  static JsonObject json(String s) {
    return JsonParser.parseString(s).getAsJsonObject();
  }

  @Test
  void fetchesTheStableTokenOnceAndSharesItBetweenClients() throws Exception {
    InMemoryAccessTokenStore store = new InMemoryAccessTokenStore();
    WeChatApiClient first = new WeChatApiClient(account, store);
    WeChatApiClient second = new WeChatApiClient(account, store);
    first.sendText("oParent1", "你好");
    second.sendText("oParent2", "你好");
    first.sendText("oParent3", "你好");

    assertThat(tokenFetches).hasValue(1);
    JsonObject tokenRequest = json(callsTo("/cgi-bin/stable_token").get(0).body());
    assertThat(tokenRequest.get("force_refresh").getAsBoolean()).isFalse();
    assertThat(tokenRequest.get("appid").getAsString()).isEqualTo("wxfake0000000001");
    assertThat(callsTo("/cgi-bin/message/custom/send"))
        .hasSize(3)
        .allSatisfy(c -> assertThat(c.query()).contains("access_token=TOKEN1"));
    assertThat(store.read("wxfake0000000001")).isPresent();
  }

  @Test
  void sendsCustomerServiceTextInWeChatsShape() throws Exception {
    new WeChatApiClient(account, new InMemoryAccessTokenStore()).sendText("oParent1", "我们在这里");
    JsonObject body = json(callsTo("/cgi-bin/message/custom/send").get(0).body());
    assertThat(body.get("touser").getAsString()).isEqualTo("oParent1");
    assertThat(body.get("msgtype").getAsString()).isEqualTo("text");
    assertThat(body.getAsJsonObject("text").get("content").getAsString()).isEqualTo("我们在这里");
  }

  @Test
  void mapsWindowAndQuotaErrors() {
    WeChatApiClient client = new WeChatApiClient(account, new InMemoryAccessTokenStore());
    assertThatThrownBy(() -> client.sendText("oGone", "x"))
        .isInstanceOfSatisfying(
            ChannelException.class,
            e -> {
              assertThat(e.outsideWindow()).isTrue();
              assertThat(e.getMessage()).doesNotContain("oGone");
            });
    assertThatThrownBy(() -> client.sendText("oQuota", "x"))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.quotaUsed()).isTrue());
    assertThatThrownBy(() -> client.sendText("oBusy", "x"))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.code()).isEqualTo(-1));
    // -1 is retried once only (WxJava's default is five times with sleeps up to 16 s).
    assertThat(calls.stream().filter(c -> c.body().contains("oBusy"))).hasSize(2);
  }

  @Test
  void createsTheMenuWithClickKeys() throws Exception {
    new WeChatApiClient(account, new InMemoryAccessTokenStore())
        .createMenu(
            List.of(
                MenuButton.click("心理问答", "ASK"),
                MenuButton.click("预约咨询", "BOOK"),
                MenuButton.parent(
                    "更多",
                    List.of(
                        MenuButton.click("每周文章", "ARTICLE"), MenuButton.click("紧急求助", "SOS")))));
    JsonObject body = json(callsTo("/cgi-bin/menu/create").get(0).body());
    assertThat(body.getAsJsonArray("button")).hasSize(3);
    JsonObject first = body.getAsJsonArray("button").get(0).getAsJsonObject();
    assertThat(first.get("type").getAsString()).isEqualTo("click");
    assertThat(first.get("key").getAsString()).isEqualTo("ASK");
    String raw = body.toString();
    assertThat(raw).contains("\"BOOK\"", "\"ARTICLE\"", "\"SOS\"");
  }

  @Test
  void sendsASubscribeNoticeEvenWhenTheResponseHasNoMsgid() throws Exception {
    new WeChatApiClient(account, new InMemoryAccessTokenStore())
        .sendSubscribeNotice(
            new SubscribeNotice("oParent1", "tmpl-1", "pages/a", Map.of("thing1", "预约提醒")));
    JsonObject body = json(callsTo("/cgi-bin/message/subscribe/bizsend").get(0).body());
    assertThat(body.get("template_id").getAsString()).isEqualTo("tmpl-1");
    assertThat(body.getAsJsonObject("data").getAsJsonObject("thing1").get("value").getAsString())
        .isEqualTo("预约提醒");
  }

  @Test
  void massSendsADraftToATagWithAClientMsgId() throws Exception {
    responses.put(
        "/cgi-bin/message/mass/sendall",
        "{\"errcode\":0,\"msg_id\":34182,\"msg_data_id\":206227730}");
    responses.put("/cgi-bin/draft/add", "{\"media_id\":\"MEDIA1\"}");
    responses.put("/cgi-bin/tags/create", "{\"tag\":{\"id\":134,\"name\":\"parents\"}}");
    WeChatApiClient client = new WeChatApiClient(account, new InMemoryAccessTokenStore());
    long tag = client.createTag("parents");
    client.tagUsers(tag, java.util.stream.IntStream.range(0, 120).mapToObj(i -> "o" + i).toList());
    String media =
        client.addDraft(
            List.of(
                new DraftArticle(
                    "本周文章", "心桥", "摘要", "<p>内容</p>", "THUMB", "https://xq.example/a/p01")));
    MassSendAccepted accepted = client.massSendToTag(tag, media, "weekly-2026-10");

    assertThat(tag).isEqualTo(134);
    assertThat(callsTo("/cgi-bin/tags/members/batchtagging")).hasSize(3);
    assertThat(media).isEqualTo("MEDIA1");
    assertThat(accepted.msgId()).isEqualTo("34182");
    JsonObject body = json(callsTo("/cgi-bin/message/mass/sendall").get(0).body());
    assertThat(body.get("clientmsgid").getAsString()).isEqualTo("weekly-2026-10");
    assertThat(body.getAsJsonObject("filter").get("tag_id").getAsLong()).isEqualTo(134);
    assertThat(body.getAsJsonObject("mpnews").get("media_id").getAsString()).isEqualTo("MEDIA1");
    JsonObject draft =
        json(callsTo("/cgi-bin/draft/add").get(0).body())
            .getAsJsonArray("articles")
            .get(0)
            .getAsJsonObject();
    assertThat(draft.get("content_source_url").getAsString()).isEqualTo("https://xq.example/a/p01");
    assertThat(draft.get("digest").getAsString()).isEqualTo("摘要");
    assertThat(draft.get("thumb_media_id").getAsString()).isEqualTo("THUMB");
  }

  @Test
  void uploadsACoverAsPermanentImageMaterial() throws Exception {
    responses.put(
        "/cgi-bin/material/add_material",
        "{\"media_id\":\"IMG1\",\"url\":\"http://mmbiz.qpic.cn/x/IMG1\"}");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 'c', 'o', 'v', 'e', 'r'};

    ImageMaterial image =
        new WeChatApiClient(account, new InMemoryAccessTokenStore()).uploadImage("p01.png", png);

    assertThat(image).isEqualTo(new ImageMaterial("IMG1", "http://mmbiz.qpic.cn/x/IMG1"));
    Call upload = callsTo("/cgi-bin/material/add_material").get(0);
    assertThat(upload.query()).contains("type=image").contains("access_token=TOKEN1");
    assertThat(upload.body()).contains("name=\"media\"").contains("p01.png").contains("PNGcover");
  }

  @Test
  void reportsAFailedUploadWithWeChatsErrcode() {
    responses.put(
        "/cgi-bin/material/add_material", "{\"errcode\":40005,\"errmsg\":\"invalid file type\"}");
    WeChatApiClient client = new WeChatApiClient(account, new InMemoryAccessTokenStore());

    assertThatThrownBy(() -> client.uploadImage("cover.txt", new byte[] {1, 2}))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.code()).isEqualTo(40005));
  }

  @Test
  void listsTheAccountsTagsByName() throws Exception {
    responses.put(
        "/cgi-bin/tags/get",
        "{\"tags\":[{\"id\":2,\"name\":\"星标组\",\"count\":0},"
            + "{\"id\":134,\"name\":\"xinqiao-parents\",\"count\":3}]}");

    Map<String, Long> tags = new WeChatApiClient(account, new InMemoryAccessTokenStore()).tags();

    assertThat(tags).containsEntry("xinqiao-parents", 134L).containsEntry("星标组", 2L).hasSize(2);
  }

  @Test
  void untagsUsersFiftyPerCall() throws Exception {
    WeChatApiClient client = new WeChatApiClient(account, new InMemoryAccessTokenStore());

    client.untagUsers(
        134, java.util.stream.IntStream.range(0, 101).mapToObj(i -> "o" + i).toList());

    List<Call> untagging = callsTo("/cgi-bin/tags/members/batchuntagging");
    assertThat(untagging).hasSize(3);
    JsonObject first = json(untagging.get(0).body());
    assertThat(first.get("tagid").getAsLong()).isEqualTo(134);
    assertThat(first.getAsJsonArray("openid_list")).hasSize(50);
    assertThat(json(untagging.get(2).body()).getAsJsonArray("openid_list")).hasSize(1);
  }

  @Test
  void accountToStringHidesSecrets() {
    assertThat(
            new WeChatAccount("wx1", "tokvalue", "A".repeat(43), null, "s3cret", null).toString())
        .doesNotContain("tokvalue", "s3cret", "AAAA");
  }
}
