package org.xinqiao.simulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * The fake WeChat API's account side: access tokens, the custom menu, drafts and permanent
 * material. Answers as WeChat does for the request shapes WxJava 4.7.9.B sends (WECHAT.md).
 */
@RestController
@Conditional(SimulatorEnabled.class)
@RequestMapping("/sim/wxapi/cgi-bin")
class FakeAccountApi {

  private final FakeAccount account;
  private final FakeTokens tokens;
  private final FakeApiAccess access;
  private final FakeContent content;
  private final FakeMenu menu;
  private final FakeImages images;

  FakeAccountApi(
      FakeAccount account,
      FakeTokens tokens,
      FakeApiAccess access,
      FakeContent content,
      FakeMenu menu,
      FakeImages images) {
    this.account = account;
    this.tokens = tokens;
    this.access = access;
    this.content = content;
    this.menu = menu;
    this.images = images;
  }

  @GetMapping("/token")
  Map<String, Object> token(
      @RequestParam(name = "appid", required = false) String appId,
      @RequestParam(name = "secret", required = false) String secret) {
    return issue("token", appId, secret, false);
  }

  @PostMapping("/stable_token")
  Map<String, Object> stableToken(@RequestBody(required = false) String body) {
    JsonNode json = WxAnswers.parse(body);
    if (json == null) {
      return access.record(
          "stable_token", null, WxAnswers.error(WxAnswers.emptyOrMalformed(body)), null);
    }
    return issue(
        "stable_token",
        WxAnswers.text(json, "appid"),
        WxAnswers.text(json, "secret"),
        json.path("force_refresh").asBoolean(false));
  }

  private Map<String, Object> issue(String api, String appId, String secret, boolean stable) {
    // the secret never reaches the journal: only whether it matched
    if (!account.appId().equals(appId)) {
      return access.record(api, null, WxAnswers.error(40013), "appid=" + appId);
    }
    if (!account.secret().equals(secret)) {
      return access.record(api, null, WxAnswers.error(40125), "appid=" + appId);
    }
    FakeTokens.Issued issued = api.equals("token") ? tokens.issue() : tokens.stable(stable);
    access.record(api, null, WxAnswers.ok(), "appid=" + appId + (stable ? " force_refresh" : ""));
    return Map.of("access_token", issued.token(), "expires_in", tokens.secondsLeft(issued));
  }

  @PostMapping("/menu/create")
  Map<String, Object> createMenu(
      @RequestParam(name = "access_token", required = false) String token,
      @RequestBody(required = false) String body) {
    int refused = access.admit("menu/create", token, body);
    if (refused != 0) {
      return WxAnswers.error(refused);
    }
    JsonNode json = WxAnswers.parse(body);
    if (json == null) {
      return access.record(
          "menu/create", null, WxAnswers.error(WxAnswers.emptyOrMalformed(body)), body);
    }
    JsonNode buttons = json.path("button");
    if (!buttons.isArray() || buttons.isEmpty() || buttons.size() > 3) {
      return access.record("menu/create", null, WxAnswers.error(40016), body);
    }
    menu.set(buttons);
    return access.record("menu/create", null, WxAnswers.ok(), body);
  }

  @PostMapping("/draft/add")
  Map<String, Object> addDraft(
      @RequestParam(name = "access_token", required = false) String token,
      @RequestBody(required = false) String body) {
    int refused = access.admit("draft/add", token, body);
    if (refused != 0) {
      return WxAnswers.error(refused);
    }
    JsonNode json = WxAnswers.parse(body);
    if (json == null || !json.path("articles").isArray() || json.path("articles").isEmpty()) {
      return access.record(
          "draft/add", null, WxAnswers.error(WxAnswers.emptyOrMalformed(body)), body);
    }
    List<FakeContent.Article> articles = new ArrayList<>();
    for (JsonNode a : json.path("articles")) {
      articles.add(
          new FakeContent.Article(
              WxAnswers.text(a, "title"),
              WxAnswers.text(a, "digest"),
              WxAnswers.text(a, "content_source_url"),
              WxAnswers.text(a, "thumb_media_id")));
    }
    boolean coversAreImages =
        articles.stream().allMatch(a -> a.cover() != null && content.isImage(a.cover()));
    if (!coversAreImages) {
      // a news article's cover must be permanent image material
      return access.record("draft/add", null, WxAnswers.error(40007), body);
    }
    String mediaId = content.addDraft(articles);
    access.record("draft/add", null, WxAnswers.ok(), body);
    return Map.of("media_id", mediaId);
  }

  @PostMapping("/material/add_material")
  Map<String, Object> addMaterial(
      @RequestParam(name = "access_token", required = false) String token,
      @RequestParam(name = "type", required = false) String type,
      @RequestPart(name = "media", required = false) MultipartFile media)
      throws IOException {
    String detail = "type=" + type + " bytes=" + (media == null ? 0 : media.getSize());
    int refused = access.admit("material/add_material", token, detail);
    if (refused != 0) {
      return WxAnswers.error(refused);
    }
    if (media == null || media.isEmpty() || type == null) {
      return access.record("material/add_material", null, WxAnswers.error(44002), detail);
    }
    if ("image".equals(type) && !FakeImages.isImageName(media.getOriginalFilename())) {
      // WeChat accepts bmp, png, jpeg, jpg and gif only, judged by the file name
      return access.record("material/add_material", null, WxAnswers.error(40005), detail);
    }
    String mediaId = content.addMaterial(type, media.getOriginalFilename(), media.getBytes());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("media_id", mediaId);
    if ("image".equals(type)) {
      answer.put("url", images.url(mediaId));
    }
    access.record("material/add_material", null, WxAnswers.ok(), detail);
    return answer;
  }
}
