package org.xinqiao.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinqiao.channels.simulator.PassiveReply;
import org.xinqiao.channels.simulator.SignedCallback;
import org.xinqiao.channels.simulator.SimulatedWeChatServer;
import org.xinqiao.simulator.Personas.Persona;

/** JSON endpoints of the simulator page: personas, sending as a persona, and what came back. */
@RestController
@Conditional(SimulatorEnabled.class)
@RequestMapping("/sim/api")
class SimulatorApi {

  /** What the page sends: a text, or an event with an optional key; safe mode on request. */
  record SendRequest(String openid, String text, String event, String key, Boolean encrypted) {
    boolean safeMode() {
      return Boolean.TRUE.equals(encrypted);
    }
  }

  private static final int MAX_TEXT = 1000;
  private static final Set<String> EVENTS = Set.of("subscribe", "unsubscribe", "CLICK");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]{1,64}");

  private final Personas personas;
  private final Followers followers;
  private final CustomerServiceWindow window;
  private final SimulatedWeChatServer wechat;
  private final PortalClient portal;
  private final ApiJournal journal;
  private final FakeMenu menu;

  SimulatorApi(
      Personas personas,
      Followers followers,
      CustomerServiceWindow window,
      SimulatedWeChatServer wechat,
      PortalClient portal,
      ApiJournal journal,
      FakeMenu menu) {
    this.personas = personas;
    this.followers = followers;
    this.window = window;
    this.wechat = wechat;
    this.portal = portal;
    this.journal = journal;
    this.menu = menu;
  }

  @GetMapping("/personas")
  Map<String, Object> personas() {
    List<Map<String, Object>> list = personas.all().stream().map(p -> describe(p)).toList();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("account", Map.of("name", "心桥", "appId", wechat.account().appId()));
    answer.put("personas", list);
    answer.put("menu", menu.buttons());
    return answer;
  }

  @PostMapping("/personas")
  Map<String, Object> newParent() {
    return describe(personas.newParent());
  }

  private Map<String, Object> describe(Persona p) {
    return Map.of(
        "id", p.id(),
        "name", p.name(),
        "role", p.role(),
        "openid", p.openid(),
        "following", followers.isFollowing(p.openid()));
  }

  @PostMapping(path = "/send", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> send(@RequestBody SendRequest request)
      throws InterruptedException {
    Persona persona = request == null ? null : personas.byOpenid(request.openid()).orElse(null);
    if (persona == null) {
      return refuse(404, "没有这个模拟用户，请刷新页面后重新选择。");
    }
    String openid = persona.openid();
    boolean isText = request.event() == null;
    if (isText && (request.text() == null || request.text().isBlank())) {
      return refuse(400, "请输入要发送的内容。");
    }
    if (isText && request.text().length() > MAX_TEXT) {
      return refuse(400, "消息太长了，请控制在 " + MAX_TEXT + " 字以内。");
    }
    if (!isText && !EVENTS.contains(request.event())) {
      return refuse(400, "不支持的事件类型。");
    }
    if (!isText && request.key() != null && !KEY.matcher(request.key()).matches()) {
      return refuse(400, "菜单 key 只能包含字母、数字和下划线。");
    }
    boolean subscribing = "subscribe".equals(request.event());
    if (!subscribing && !followers.isFollowing(openid)) {
      return refuse(409, "请先关注公众号，再发送消息。");
    }
    SignedCallback callback;
    if (isText) {
      window.personSentMessage(openid);
      callback = wechat.text(openid, request.text(), request.safeMode());
    } else {
      if (subscribing) {
        followers.follow(openid);
      }
      if ("unsubscribe".equals(request.event())) {
        followers.unfollow(openid);
        window.personLeft(openid);
      } else {
        window.personTriggeredEvent(openid);
      }
      callback = wechat.event(openid, request.event(), request.key(), request.safeMode());
    }
    PortalClient.Delivery delivery = portal.deliver(callback);
    PassiveReply reply =
        delivery.answered()
            ? wechat.readReply(openid, delivery.body())
            : PassiveReply.broken(
                delivery.failure() != null ? delivery.failure() : "HTTP " + delivery.httpStatus());
    journal.call(
        "callback → /wx/portal" + (callback.encrypted() ? " (安全模式)" : ""),
        openid,
        delivery.httpStatus(),
        (isText ? "text" : "event " + request.event() + " " + nullToEmpty(request.key()))
            + " · 投递 "
            + delivery.attempts()
            + " 次 · 回复 "
            + reply.status()
            + (reply.problem() == null ? "" : " · " + reply.problem()));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", reply.status().name());
    answer.put("msgType", reply.msgType());
    answer.put("text", reply.text());
    answer.put("problem", reply.problem());
    answer.put("encrypted", reply.encrypted());
    answer.put("httpStatus", delivery.httpStatus());
    answer.put("attempts", delivery.attempts());
    answer.put("following", followers.isFollowing(openid));
    return ResponseEntity.ok(answer);
  }

  @GetMapping("/messages")
  Map<String, Object> messages(
      @RequestParam("openid") String openid,
      @RequestParam(name = "since", defaultValue = "0") long since) {
    return Map.of("messages", journal.messagesFor(openid, since), "last", journal.lastSeq());
  }

  @GetMapping("/journal")
  Map<String, Object> journal(@RequestParam(name = "since", defaultValue = "0") long since) {
    return Map.of("calls", journal.callsSince(since), "last", journal.lastSeq());
  }

  private static ResponseEntity<Map<String, Object>> refuse(int status, String message) {
    return ResponseEntity.status(status).body(Map.of("error", message));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
