package org.xinqiao.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinqiao.channels.InboundMessage;
import org.xinqiao.conversation.MessagePipeline;
import org.xinqiao.people.Person;
import org.xinqiao.people.Role;

/** The push's chat commands through the real message pipeline, as a consented person. */
class PushChatTest extends PushSpringTest {

  @Autowired MessagePipeline pipeline;
  @Autowired ArticleCatalog catalog;
  @Autowired WeeklyPush push;
  @Autowired PushPreferences preferences;

  private String openid;

  @BeforeEach
  void consentedPerson() {
    openid = "o_chat_" + UUID.randomUUID();
    send("你好");
    send("同意");
  }

  @Test
  void thisWeeksArticleComesWithItsSummaryAndPublicLink() {
    at(3, 1, 8, 0);
    Article week3 = catalog.forWeek(Audience.PARENT, 3).orElseThrow();
    String reply = send("本周文章");
    assertThat(reply)
        .contains(week3.title())
        .contains(week3.summary())
        .contains("https://xq.example.edu.cn/articles/" + week3.id());
    assertThat(click("ARTICLE")).isEqualTo(reply);
  }

  @Test
  void staffGetTheTeacherSeriesAndAreMovedToTheTeachersTag() {
    at(2, 0, 19, 0);
    push.check();
    Person me = me();
    assertThat(wechat.membersOf("xinqiao-parents")).contains(openid);
    Person admin = people.contact("wechat", "o_push_admin");
    people.redeem(me, people.invite(admin, Role.TEACHER, "李老师"));
    assertThat(wechat.membersOf("xinqiao-teachers")).contains(openid);
    assertThat(wechat.membersOf("xinqiao-parents")).doesNotContain(openid);
    assertThat(send("本周文章")).contains(catalog.forWeek(Audience.TEACHER, 2).orElseThrow().title());
  }

  @Test
  void earlierArticlesAreNumberedNewestFirstAndANumberOpensOne() {
    at(4, 0, 20, 0);
    String list = send("往期");
    Article week3 = catalog.forWeek(Audience.PARENT, 3).orElseThrow();
    Article week2 = catalog.forWeek(Audience.PARENT, 2).orElseThrow();
    assertThat(list).contains("1. 第3周 " + week3.title()).contains("3. 第1周");
    assertThat(list).doesNotContain("第4周");
    assertThat(send("2"))
        .contains(week2.title())
        .contains("https://xq.example.edu.cn/articles/" + week2.id());
  }

  @Test
  void anOutOfRangeNumberAsksAgainAndCancelLeaves() {
    at(3, 0, 20, 0);
    send("往期");
    assertThat(send("9")).contains("编号");
    assertThat(send("取消")).contains("取消");
  }

  @Test
  void pauseTakesThePersonOutOfTheTagAndResumePutsThemBack() {
    at(1, 0, 10, 0);
    push.check();
    assertThat(wechat.membersOf("xinqiao-parents")).contains(openid);

    assertThat(send("暂停推送")).contains("已经暂停");
    assertThat(preferences.paused(me().id())).isTrue();
    assertThat(wechat.membersOf("xinqiao-parents")).doesNotContain(openid);
    push.check();
    assertThat(wechat.membersOf("xinqiao-parents")).doesNotContain(openid);

    assertThat(send("恢复推送")).contains("已经恢复");
    assertThat(preferences.paused(me().id())).isFalse();
    assertThat(wechat.membersOf("xinqiao-parents")).contains(openid);
  }

  @Test
  void withdrawingConsentTakesThePersonOutOfTheTagAndConsentingAgainPutsThemBack() {
    at(1, 0, 10, 0);
    push.check();
    assertThat(wechat.membersOf("xinqiao-parents")).contains(openid);

    send("撤回同意");
    assertThat(send("确认撤回")).contains("已经撤回");
    assertThat(wechat.membersOf("xinqiao-parents")).doesNotContain(openid);
    push.check();
    assertThat(wechat.membersOf("xinqiao-parents"))
        .as("the weekly reconcile does not put them back")
        .doesNotContain(openid);
    assertThat(send("本周文章"))
        .contains("撤回了同意")
        .doesNotContain("https://xq.example.edu.cn/articles/");

    send("同意");
    assertThat(wechat.membersOf("xinqiao-parents")).contains(openid);
  }

  @Test
  void beforeTheTermThereIsNoArticleYet() {
    clock.set(java.time.LocalDateTime.of(2025, 8, 20, 12, 0));
    assertThat(send("本周文章")).contains("这周没有新的文章");
    assertThat(send("往期")).contains("暂时还没有往期文章");
  }

  private Person me() {
    return people.find("wechat", openid).orElseThrow();
  }

  private String send(String text) {
    return pipeline
        .handle(
            InboundMessage.text(
                "wechat", "app", openid, text, UUID.randomUUID().toString(), Instant.now()))
        .text();
  }

  private String click(String key) {
    return pipeline
        .handle(
            InboundMessage.event(
                "wechat", "app", openid, "CLICK", key, UUID.randomUUID().toString(), Instant.now()))
        .text();
  }
}
