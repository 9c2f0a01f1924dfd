package org.xinqiao.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The fake WeChat API's user tags: create, list, and tag or untag up to 50 followers a call, with
 * WeChat's limits and errcodes (Followers).
 */
@RestController
@Conditional(SimulatorEnabled.class)
@RequestMapping("/sim/wxapi/cgi-bin/tags")
class FakeTagsApi {

  private static final int PER_CALL = 50;

  private final FakeApiAccess access;
  private final Followers followers;

  FakeTagsApi(FakeApiAccess access, Followers followers) {
    this.access = access;
    this.followers = followers;
  }

  @PostMapping("/create")
  Map<String, Object> createTag(
      @RequestParam(name = "access_token", required = false) String token,
      @RequestBody(required = false) String body) {
    int refused = access.admit("tags/create", token, body);
    if (refused != 0) {
      return WxAnswers.error(refused);
    }
    JsonNode json = WxAnswers.parse(body);
    if (json == null) {
      return access.record(
          "tags/create", null, WxAnswers.error(WxAnswers.emptyOrMalformed(body)), body);
    }
    int id = followers.createTag(WxAnswers.text(json, "tag", "name"));
    if (id < 0) {
      return access.record("tags/create", null, WxAnswers.error(-id), body);
    }
    access.record("tags/create", null, WxAnswers.ok(), body);
    return Map.of("tag", Map.of("id", id, "name", WxAnswers.text(json, "tag", "name")));
  }

  @GetMapping("/get")
  Map<String, Object> listTags(
      @RequestParam(name = "access_token", required = false) String token) {
    int refused = access.admit("tags/get", token, null);
    if (refused != 0) {
      return WxAnswers.error(refused);
    }
    List<Followers.Listed> tags = followers.tags();
    access.record("tags/get", null, WxAnswers.ok(), tags.size() + " tags");
    return Map.of(
        "tags",
        tags.stream()
            .map(t -> Map.<String, Object>of("id", t.id(), "name", t.name(), "count", t.count()))
            .toList());
  }

  @PostMapping("/members/batchtagging")
  Map<String, Object> tagMembers(
      @RequestParam(name = "access_token", required = false) String token,
      @RequestBody(required = false) String body) {
    return members(
        "tags/members/batchtagging",
        token,
        body,
        (openids, tagId) -> followers.tag(openids, tagId));
  }

  @PostMapping("/members/batchuntagging")
  Map<String, Object> untagMembers(
      @RequestParam(name = "access_token", required = false) String token,
      @RequestBody(required = false) String body) {
    return members(
        "tags/members/batchuntagging",
        token,
        body,
        (openids, tagId) -> followers.untag(openids, tagId));
  }

  private interface Change {
    int apply(List<String> openids, int tagId);
  }

  private Map<String, Object> members(String api, String token, String body, Change change) {
    int refused = access.admit(api, token, body);
    if (refused != 0) {
      return WxAnswers.error(refused);
    }
    JsonNode json = WxAnswers.parse(body);
    if (json == null || !json.path("openid_list").isArray()) {
      return access.record(api, null, WxAnswers.error(WxAnswers.emptyOrMalformed(body)), body);
    }
    List<String> openids = new ArrayList<>();
    json.path("openid_list").forEach(o -> openids.add(o.asString()));
    int errcode =
        openids.isEmpty() || openids.size() > PER_CALL
            ? 40032
            : change.apply(openids, json.path("tagid").asInt(-1));
    return access.record(api, null, WxAnswers.error(errcode), body);
  }
}
