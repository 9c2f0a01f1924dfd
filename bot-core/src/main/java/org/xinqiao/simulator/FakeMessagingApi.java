package org.xinqiao.simulator;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The fake WeChat API's messaging side: customer-service messages (with WeChat's 48 h quota),
 * template and subscription notices, mass send (clientmsgid dedupe, 4 a month per follower) and
 * preview. What reaches a person is journalled so the simulator page can show it as a bubble.
 */
@RestController
@Conditional(SimulatorEnabled.class)
@RequestMapping("/sim/wxapi/cgi-bin/message")
class FakeMessagingApi {

  private final FakeApiAccess access;
  private final ApiJournal journal;
  private final Followers followers;
  private final CustomerServiceWindow window;
  private final FakeContent content;
  private final MassSends massSends;

  FakeMessagingApi(
      FakeApiAccess access,
      ApiJournal journal,
      Followers followers,
      CustomerServiceWindow window,
      FakeContent content,
      MassSends massSends) {
    this.access = access;
    this.journal = journal;
    this.followers = followers;
    this.window = window;
    this.content = content;
    this.massSends = massSends;
  }

  @PostMapping("/custom/send")
  Map<String, Object> customSend(
      @RequestParam(name = "access_token", required = false) String token,
      @RequestBody(required = false) String body) {
    String api = "message/custom/send";
    Admission in = admit(api, token, body);
    if (in.json() == null) {
      return WxAnswers.error(in.errcode());
    }
    JsonNode json = in.json();
    String to = WxAnswers.text(json, "touser");
    int errcode;
    if (to == null || !followers.isKnown(to)) {
      errcode = 40003;
    } else if (!followers.isFollowing(to)) {
      errcode = CustomerServiceWindow.OUTSIDE_WINDOW;
    } else {
      errcode = window.trySpend(to);
    }
    if (errcode == 0) {
      deliver(to, "客服消息", json);
    }
    return access.record(api, to, WxAnswers.error(errcode), body);
  }

  @PostMapping("/template/send")
  Map<String, Object> templateSend(
      @RequestParam(name = "access_token", required = false) String token,
      @RequestBody(required = false) String body) {
    return notice("message/template/send", "模板消息", token, body, true);
  }

  @PostMapping("/subscribe/bizsend")
  Map<String, Object> subscribeSend(
      @RequestParam(name = "access_token", required = false) String token,
      @RequestBody(required = false) String body) {
    // WECHAT.md: this API reportedly answers without msgid; a client must not depend on one
    return notice("message/subscribe/bizsend", "订阅通知", token, body, false);
  }

  private Map<String, Object> notice(
      String api, String kind, String token, String body, boolean withMsgId) {
    Admission in = admit(api, token, body);
    if (in.json() == null) {
      return WxAnswers.error(in.errcode());
    }
    JsonNode json = in.json();
    String to = WxAnswers.text(json, "touser");
    String template = WxAnswers.text(json, "template_id");
    int errcode =
        to == null || !followers.isKnown(to)
            ? 40003
            : !followers.isFollowing(to)
                ? 43004
                : template == null || template.isBlank() ? 40037 : 0;
    Map<String, Object> answer = access.record(api, to, WxAnswers.error(errcode), body);
    if (errcode == 0) {
      String fields =
          json.path("data").properties().stream()
              .map(e -> e.getValue().path("value").asString(""))
              .collect(Collectors.joining("\n"));
      String link = WxAnswers.text(json, "url");
      journal.message(
          to, kind, template, fields, link != null ? link : WxAnswers.text(json, "page"));
      if (withMsgId) {
        answer.put("msgid", journal.lastSeq());
      }
    }
    return answer;
  }

  @PostMapping("/mass/sendall")
  Map<String, Object> massSend(
      @RequestParam(name = "access_token", required = false) String token,
      @RequestBody(required = false) String body) {
    String api = "message/mass/sendall";
    Admission in = admit(api, token, body);
    if (in.json() == null) {
      return WxAnswers.error(in.errcode());
    }
    JsonNode json = in.json();
    String clientMsgId = WxAnswers.text(json, "clientmsgid");
    var earlier = massSends.earlier(clientMsgId);
    if (earlier.isPresent()) {
      Map<String, Object> answer = access.record(api, null, WxAnswers.error(45065), body);
      answer.put("msg_id", earlier.get());
      return answer;
    }
    boolean toAll = json.path("filter").path("is_to_all").asBoolean(false);
    int tagId = json.path("filter").path("tag_id").asInt(-1);
    int errcode = invalidContent(json);
    if (errcode == 0 && !toAll && !followers.tagExists(tagId)) {
      errcode = 40003;
    }
    if (errcode != 0) {
      return access.record(api, null, WxAnswers.error(errcode), body);
    }
    long msgId = massSends.newMsgId(clientMsgId);
    List<String> audience = followers.audience(toAll, tagId);
    audience.stream().filter(massSends::reaches).forEach(o -> deliver(o, "群发", json));
    Map<String, Object> answer = access.record(api, null, WxAnswers.ok(), body);
    answer.put("errmsg", "send job submission success");
    answer.put("msg_id", msgId);
    answer.put("msg_data_id", msgId * 10);
    return answer;
  }

  @PostMapping("/mass/preview")
  Map<String, Object> massPreview(
      @RequestParam(name = "access_token", required = false) String token,
      @RequestBody(required = false) String body) {
    String api = "message/mass/preview";
    Admission in = admit(api, token, body);
    if (in.json() == null) {
      return WxAnswers.error(in.errcode());
    }
    JsonNode json = in.json();
    String to = WxAnswers.text(json, "touser");
    int errcode =
        to == null || !followers.isKnown(to)
            ? 40003
            : !followers.isFollowing(to) ? 43004 : invalidContent(json);
    Map<String, Object> answer = access.record(api, to, WxAnswers.error(errcode), body);
    if (errcode == 0) {
      deliver(to, "群发预览", json);
      answer.put("errmsg", "preview success");
      answer.put("msg_id", massSends.newMsgId(null));
    }
    return answer;
  }

  /** 40007 when an mpnews points at no draft; 0 otherwise. */
  private int invalidContent(JsonNode json) {
    if ("mpnews".equals(WxAnswers.text(json, "msgtype"))) {
      return content.hasMedia(WxAnswers.text(json, "mpnews", "media_id")) ? 0 : 40007;
    }
    return 0;
  }

  /** Journals what the person sees, by message type. */
  private void deliver(String openid, String kind, JsonNode json) {
    String type = String.valueOf(WxAnswers.text(json, "msgtype"));
    switch (type) {
      case "text" ->
          journal.message(openid, kind, null, WxAnswers.text(json, "text", "content"), null);
      case "mpnews" -> {
        var articles = content.draft(WxAnswers.text(json, "mpnews", "media_id")).orElse(List.of());
        var first = articles.isEmpty() ? null : articles.get(0);
        journal.message(
            openid,
            kind,
            first == null ? "图文消息" : first.title(),
            first == null ? null : first.digest(),
            first == null ? null : first.url(),
            first == null || !content.isImage(first.cover())
                ? null
                : FakeImages.pagePath(first.cover()));
      }
      case "news" -> {
        JsonNode article = json.path("news").path("articles").path(0);
        journal.message(
            openid,
            kind,
            WxAnswers.text(article, "title"),
            WxAnswers.text(article, "description"),
            WxAnswers.text(article, "url"));
      }
      default -> journal.message(openid, kind, null, "[" + type + "]", null);
    }
  }

  /** A call's verdict at the door: the parsed body, or WeChat's errcode when turned away. */
  private record Admission(int errcode, JsonNode json) {}

  /** Checks the token and parses the body; refusals are journalled here. */
  private Admission admit(String api, String token, String body) {
    int tokenError = access.admit(api, token, body);
    if (tokenError != 0) {
      return new Admission(tokenError, null);
    }
    JsonNode json = WxAnswers.parse(body);
    if (json == null) {
      int errcode = WxAnswers.emptyOrMalformed(body);
      access.record(api, null, WxAnswers.error(errcode), body);
      return new Admission(errcode, null);
    }
    return new Admission(0, json);
  }
}
