package org.xinqiao.checkin;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xinqiao.channels.MessageSender;
import org.xinqiao.channels.wechat.WeChatAccount;
import org.xinqiao.channels.wechat.WeChatCallbackSigner;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/**
 * Chats with the bot the way WeChat does: a signed text callback to {@code /wx/portal/{appid}}, the
 * passive reply read back from the response XML.
 */
@TestComponent
public class CheckinChat {

  private static final AtomicLong MSG_IDS = new AtomicLong(System.nanoTime());

  private final ObjectProvider<MockMvc> mvc;
  private final WeChatAccount account;
  private final People people;

  CheckinChat(ObjectProvider<MockMvc> mvc, WeChatAccount account, People people) {
    this.mvc = mvc;
    this.account = account;
    this.people = people;
  }

  /** Customer-service messages (a slow reply, a page) go here instead of WeChat. */
  @Bean
  @Primary
  @Qualifier("wechat")
  static RecordingSender recordingSender() {
    return new RecordingSender();
  }

  public static final class RecordingSender implements MessageSender {
    public final List<String> sent = new CopyOnWriteArrayList<>();

    @Override
    public void sendText(String userId, String text) {
      sent.add(userId + "|" + text);
    }
  }

  /** A new person of this role who has accepted the privacy notice; returns their openid. */
  public String newPerson(Role role) {
    String openid = "o_ck_" + UUID.randomUUID().toString().substring(0, 12);
    Person p =
        role == Role.PARENT
            ? people.contact("wechat", openid)
            : people.seedStaff("wechat", openid, role, "测试" + role.label());
    people.consent(p);
    return openid;
  }

  public Person person(String openid) {
    return people.find("wechat", openid).orElseThrow();
  }

  /** Sends one text as {@code openid} through the portal; the bot's passive reply ("" for none). */
  public String send(String openid, String text) {
    String xml =
        "<xml><ToUserName><![CDATA[gh_ck]]></ToUserName><FromUserName><![CDATA["
            + openid
            + "]]></FromUserName><CreateTime>"
            + Instant.now().getEpochSecond()
            + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
            + text
            + "]]></Content><MsgId>"
            + MSG_IDS.incrementAndGet()
            + "</MsgId></xml>";
    WeChatCallbackSigner signer = new WeChatCallbackSigner(account);
    WeChatCallbackSigner.SignedCallback signed = signer.sign(xml, false, Instant.now());
    MockHttpServletRequestBuilder request =
        post("/wx/portal/" + account.appId()).contentType("text/xml").content(signed.bodyBytes());
    signed.queryParams().forEach(request::queryParam);
    try {
      String body =
          mvc.getObject()
              .perform(request)
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      return signer.replyContent(body).orElse("");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
