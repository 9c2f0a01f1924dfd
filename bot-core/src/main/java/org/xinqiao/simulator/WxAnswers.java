package org.xinqiao.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON in and out the way WeChat's API speaks it: errcode/errmsg, with WeChat's own messages. */
final class WxAnswers {

  private static final Map<Integer, String> MESSAGES =
      Map.ofEntries(
          Map.entry(0, "ok"),
          Map.entry(40001, "invalid credential, access_token is invalid or not latest"),
          Map.entry(40003, "invalid openid"),
          Map.entry(40007, "invalid media_id"),
          Map.entry(40013, "invalid appid"),
          Map.entry(40016, "invalid button size"),
          Map.entry(40032, "invalid openid list size, at most 50"),
          Map.entry(40037, "invalid template_id"),
          Map.entry(40125, "invalid appsecret"),
          Map.entry(41001, "access_token missing"),
          Map.entry(42001, "access_token expired"),
          Map.entry(43004, "require subscribe"),
          Map.entry(44002, "empty post data"),
          Map.entry(45015, "response out of time limit or subscription is canceled"),
          Map.entry(45047, "out of response count limit"),
          Map.entry(45056, "too many tags"),
          Map.entry(45059, "too many tags on a user"),
          Map.entry(45065, "clientmsgid exist"),
          Map.entry(45157, "invalid tag name: already exists"),
          Map.entry(45158, "tag name too long"),
          Map.entry(45159, "invalid tag id"),
          Map.entry(47001, "data format error"));

  private WxAnswers() {}

  static Map<String, Object> ok() {
    return error(0);
  }

  static Map<String, Object> error(int errcode) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("errcode", errcode);
    answer.put("errmsg", MESSAGES.getOrDefault(errcode, "error"));
    return answer;
  }

  /** Parses a request body; null when it is empty or not JSON (caller answers 44002/47001). */
  static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JsonMapper.shared().readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  static int emptyOrMalformed(String body) {
    return body == null || body.isBlank() ? 44002 : 47001;
  }

  static String text(JsonNode node, String... path) {
    JsonNode at = node;
    for (String step : path) {
      at = at.path(step);
    }
    return at.isValueNode() ? at.asString() : null;
  }
}
