package org.xinqiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.channels.wechat.WeChatAccount;
import org.xinqiao.channels.wechat.WeChatCallbackSigner;
import org.xinqiao.testsupport.TestDatabase;
import org.xinqiao.testsupport.TestRedis;

/**
 * Two instances of the application behind one PostgreSQL and one Redis, as with two replicas behind
 * the shipped nginx: every step of a conversation, an escalation, a console login and a booking
 * goes to the other instance than the step before, through the real WeChat callback (signed and
 * encrypted as WeChat would) and the real console over HTTP.
 */
class TwoInstancesTest {

  private static final WeChatAccount ACCOUNT =
      new WeChatAccount(
          "wxsimulator0000001",
          "xinqiao-simulator-token",
          "S9rIgCqIzqClZfbowFUBI683hHh5fxKxnYZUB0CxdLg",
          null,
          "simulator-secret",
          null);
  private static final String ADMIN = "o_two_admin";
  private static final AtomicLong MSG_IDS = new AtomicLong(System.nanoTime());

  static TestDatabase db;
  static ConfigurableApplicationContext a;
  static ConfigurableApplicationContext b;
  static final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  static final WeChatCallbackSigner wechat = new WeChatCallbackSigner(ACCOUNT);

  @BeforeAll
  static void startTwoInstances() {
    db = TestDatabase.empty(TestDatabase.Kind.POSTGRES);
    String prefix = TestRedis.uniquePrefix();
    a = start(prefix);
    b = start(prefix);
  }

  @AfterAll
  static void stopThem() {
    for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
      if (c != null) {
        c.close();
      }
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void aConversationAnEscalationAConsoleLoginAndABookingEachSpanBothInstances() throws Exception {
    // a conversation: consent on one instance, the question on the other, the steps on the first
    String parent = "o_two_parent";
    assertThat(say(a, parent, "你好")).contains("同意");
    assertThat(say(b, parent, "同意")).contains("帮助");
    assertThat(say(a, parent, "孩子不想上学，早上一直哭怎么办")).contains("1");
    assertThat(say(b, parent, "1")).isNotBlank();

    // staff enrolment: the admin's code on one instance, redeemed on the other
    say(a, ADMIN, "你好");
    String invited = say(a, ADMIN, "邀请 心理老师 韩老师");
    String staffCode = invited.replaceAll("(?s).*绑定码：(\\d{8}).*", "$1");
    String counselor = "o_two_counselor";
    say(b, counselor, "你好");
    say(a, counselor, "同意");
    assertThat(say(b, counselor, "绑定 " + staffCode)).contains("绑定成功");

    // an escalation raised on B, acknowledged with 接 N on A
    String worried = "o_two_worried";
    say(b, worried, "你好");
    say(a, worried, "同意");
    assertThat(say(b, worried, "我儿子说他不想活了")).contains("心理老师");
    long escalation =
        jdbc()
            .sql(
                "select e.id from escalation e join person p on p.id = e.person_id"
                    + " where p.openid = ?")
            .param(worried)
            .query(Long.class)
            .single();
    assertThat(say(a, counselor, "接 " + escalation)).contains("已确认").contains("#" + escalation);
    assertThat(
            jdbc()
                .sql("select status from escalation where id = ?")
                .param(escalation)
                .query(String.class)
                .single())
        .isEqualTo("ACKNOWLEDGED");

    // a console login: the code from the chat on A, the login page and form on B, then pages
    // alternately, and a form whose token came from the other instance
    String codeReply = say(a, counselor, "登录");
    String code = codeReply.replaceAll("(?s).*登录码：([A-Z]{4}-\\d{6}).*", "$1");
    Browser browser = new Browser();
    String loginPage = browser.get(b, "/console/login?t=" + code.substring(0, 4)).body();
    HttpResponse<String> loggedIn =
        browser.post(a, "/console/login", Map.of("code", code, "_csrf", csrf(loginPage)));
    assertThat(loggedIn.headers().firstValue("Location").orElse("")).endsWith("/console");
    assertThat(browser.get(b, "/console").body()).contains("你好，韩老师");
    assertThat(browser.get(a, "/console/escalations").body()).contains("#" + escalation);
    String scheduleForm = browser.get(b, "/console/appointments/schedule").body();
    String hours =
        "counselors:\n  - name: 韩老师\n    hours:\n"
            + "      MON: [\"08:00-20:00\"]\n      TUE: [\"08:00-20:00\"]\n"
            + "      WED: [\"08:00-20:00\"]\n      THU: [\"08:00-20:00\"]\n"
            + "      FRI: [\"08:00-20:00\"]\n      SAT: [\"08:00-20:00\"]\n"
            + "      SUN: [\"08:00-20:00\"]\n";
    assertThat(
            browser
                .post(
                    a,
                    "/console/appointments/schedule",
                    Map.of("text", hours, "_csrf", csrf(scheduleForm)))
                .body())
        .contains("已导入");

    // a booking: every step of the dialog on the other instance
    String booker = "o_two_booker";
    say(a, booker, "你好");
    say(b, booker, "同意");
    assertThat(say(a, booker, "预约")).contains("1. ");
    assertThat(say(b, booker, "1")).contains("请确认").contains("韩老师");
    assertThat(say(a, booker, "确认 孩子睡得不好")).contains("预约成功");
    assertThat(browser.get(b, "/console/appointments?week=" + bookedWeek(booker)).body())
        .contains("孩子睡得不好");
  }

  @Test
  void behindTheProxyRedirectsStayOnHttpsAndTheSessionCookieIsLocked() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base(a) + "/console"))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.7")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElse("")).startsWith("https://");
    assertThat(response.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
  }

  private static ConfigurableApplicationContext start(String redisPrefix) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("server.port", "0");
    p.put("xinqiao.db.url", db.url());
    p.put("xinqiao.db.username", db.username());
    p.put("xinqiao.db.password", db.password());
    p.put("xinqiao.redis.url", TestRedis.url());
    p.put("xinqiao.redis.key-prefix", redisPrefix);
    p.put("xinqiao.simulator.enabled", "false");
    p.put("xinqiao.wechat.create-menu", "false");
    p.put("xinqiao.wechat.reply-timeout", "30s");
    p.put("xinqiao.people.admin-openids", ADMIN);
    p.put("xinqiao.scheduler.polling-interval", "1s");
    p.put("xinqiao.scheduler.shutdown-max-wait", "1s");
    return new SpringApplicationBuilder(XinQiaoApplication.class)
        .initializers(
            c -> c.getBeanFactory().registerSingleton("mainClassesOnly", new MainClassesOnly()))
        // as command-line arguments, which win over application.yml (as at a real start)
        .run(
            p.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  /** What one WeChat user says to one instance, and the instance's passive reply. */
  private static String say(ConfigurableApplicationContext instance, String openid, String text)
      throws IOException, InterruptedException {
    String xml =
        "<xml><ToUserName><![CDATA[gh_two]]></ToUserName><FromUserName><![CDATA["
            + openid
            + "]]></FromUserName><CreateTime>"
            + Instant.now().getEpochSecond()
            + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
            + text
            + "]]></Content><MsgId>"
            + MSG_IDS.incrementAndGet()
            + "</MsgId></xml>";
    WeChatCallbackSigner.SignedCallback signed = wechat.sign(xml, true, Instant.now());
    String query =
        signed.queryParams().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(base(instance) + "/wx/portal/" + ACCOUNT.appId() + "?" + query))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.bodyBytes()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("callback for '%s'", text).isEqualTo(200);
    return wechat.replyContent(response.body()).orElse("");
  }

  private static String bookedWeek(String openid) {
    return jdbc()
        .sql(
            "select cast(a.starts_at as date) from appointment a join person p"
                + " on p.id = a.booker_id where p.openid = ?")
        .param(openid)
        .query(String.class)
        .single();
  }

  private static String csrf(String page) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).as("a CSRF token on the page").isTrue();
    return m.group(1);
  }

  private static JdbcClient jdbc() {
    return db.jdbc();
  }

  private static String base(ConfigurableApplicationContext instance) {
    return "http://localhost:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
  }

  /** A browser's cookie jar of one: the console session cookie, whichever instance set it. */
  private static final class Browser {
    private String session;

    HttpResponse<String> get(ConfigurableApplicationContext instance, String path)
        throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(URI.create(base(instance) + path)).GET());
    }

    HttpResponse<String> post(
        ConfigurableApplicationContext instance, String path, Map<String, String> form)
        throws IOException, InterruptedException {
      String body =
          form.entrySet().stream()
              .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          HttpRequest.newBuilder(URI.create(base(instance) + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
        throws IOException, InterruptedException {
      if (session != null) {
        request.header("Cookie", "SESSION=" + session);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String cookie : response.headers().allValues("Set-Cookie")) {
        if (cookie.startsWith("SESSION=")) {
          session = cookie.substring("SESSION=".length(), cookie.indexOf(';'));
        }
      }
      assertThat(response.statusCode()).as("%s", request.build().uri()).isIn(200, 302);
      return response;
    }
  }

  /**
   * Keeps the test sources' own components and test configurations out of the two instances: they
   * are the application as it ships.
   */
  static final class MainClassesOnly extends TypeExcludeFilter {
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
      return reader.getResource().getURL().toString().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof MainClassesOnly;
    }

    @Override
    public int hashCode() {
      return MainClassesOnly.class.hashCode();
    }
  }
}
