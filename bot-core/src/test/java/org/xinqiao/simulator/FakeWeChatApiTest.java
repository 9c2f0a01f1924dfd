package org.xinqiao.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.WxMpMassTagMessage;
import me.chanjar.weixin.mp.bean.draft.WxMpAddDraft;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftArticles;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.material.WxMpMaterial;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fake WeChat API driven by the real WxJava 4.7.9.B client, pointed at it the way the bot is
 * (WxMpHostConfig): proves the fake speaks what WxJava sends and reads, limits included.
 */
class FakeWeChatApiTest extends SimulatorAppTest {

  @Autowired Followers followers;
  @Autowired CustomerServiceWindow window;
  @Autowired ApiJournal journal;

  private WxMpService wx;
  private String openid;

  @BeforeEach
  void client() {
    WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
    config.setAppId("wxsimulator0000001");
    config.setSecret("simulator-secret");
    config.setUseStableAccessToken(true);
    String host = base() + "/sim/wxapi";
    config.setHostConfig(
        WxMpHostConfig.builder().apiHost(host).mpHost(host).openHost(host).build());
    wx = new WxMpServiceImpl();
    wx.setWxMpConfigStorage(config);
    openid = "o_sim_test_" + UUID.randomUUID().toString().substring(0, 8);
    followers.follow(openid);
  }

  @Test
  void issuesAStableTokenForTheConfiguredAccount() throws Exception {
    String token = wx.getAccessToken();

    assertThat(token).startsWith("SIM_");
    assertThat(wx.getAccessToken()).isEqualTo(token);
  }

  @Test
  void refusesAWrongSecret() {
    ((WxMpDefaultConfigImpl) wx.getWxMpConfigStorage()).setSecret("wrong");

    assertThatThrownBy(() -> wx.getAccessToken())
        .isInstanceOf(WxErrorException.class)
        .satisfies(
            e -> assertThat(((WxErrorException) e).getError().getErrorCode()).isEqualTo(40125));
  }

  @Test
  void deliversFiveCustomerServiceMessagesAfterAMessageThenRefusesWith45047() throws Exception {
    window.personSentMessage(openid);

    for (int i = 1; i <= 5; i++) {
      assertThat(wx.getKefuService().sendKefuMessage(text("第" + i + "条"))).isTrue();
    }

    assertThatThrownBy(() -> wx.getKefuService().sendKefuMessage(text("第6条")))
        .isInstanceOf(WxErrorException.class)
        .satisfies(
            e -> assertThat(((WxErrorException) e).getError().getErrorCode()).isEqualTo(45047));
    assertThat(journal.messagesFor(openid, 0))
        .extracting(ApiJournal.BotMessage::text)
        .containsExactly("第1条", "第2条", "第3条", "第4条", "第5条");
  }

  @Test
  void refusesCustomerServiceToSomeoneWhoNeverWroteWith45015() {
    assertThatThrownBy(() -> wx.getKefuService().sendKefuMessage(text("你好")))
        .isInstanceOf(WxErrorException.class)
        .satisfies(
            e -> assertThat(((WxErrorException) e).getError().getErrorCode()).isEqualTo(45015));
  }

  @Test
  void massSendsADraftToATagOnceAndDedupesTheClientMsgId() throws Exception {
    Long tagId =
        wx.getUserTagService()
            .tagCreate("家长" + UUID.randomUUID().toString().substring(0, 6))
            .getId();
    assertThat(wx.getUserTagService().batchTagging(tagId, new String[] {openid})).isTrue();
    String mediaId =
        wx.getDraftService()
            .addDraft(
                new WxMpAddDraft(
                    List.of(
                        WxMpDraftArticles.builder()
                            .title("本周文章：和孩子聊聊情绪")
                            .content("<p>正文</p>")
                            .thumbMediaId(uploadImage())
                            .build())));
    WxMpMassTagMessage mass = new WxMpMassTagMessage();
    mass.setTagId(tagId);
    mass.setMsgType("mpnews");
    mass.setMediaId(mediaId);
    String clientMsgId = "week-" + UUID.randomUUID();
    mass.setClientMsgId(clientMsgId);

    String msgId = wx.getMassMessageService().massGroupMessageSend(mass).getMsgId();

    assertThat(msgId).isNotBlank();
    assertThatThrownBy(() -> wx.getMassMessageService().massGroupMessageSend(mass))
        .isInstanceOf(WxErrorException.class)
        .satisfies(
            e -> assertThat(((WxErrorException) e).getError().getErrorCode()).isEqualTo(45065));
    assertThat(journal.messagesFor(openid, 0))
        .extracting(ApiJournal.BotMessage::title)
        .containsExactly("本周文章：和孩子聊聊情绪");
  }

  @Test
  void listsTagsWithCountsAndUntaggedFollowersAreLeftOutOfAMassSend() throws Exception {
    String name = "老师" + UUID.randomUUID().toString().substring(0, 6);
    Long tagId = wx.getUserTagService().tagCreate(name).getId();
    wx.getUserTagService().batchTagging(tagId, new String[] {openid});

    assertThat(wx.getUserTagService().tagGet())
        .anySatisfy(
            t -> {
              assertThat(t.getName()).isEqualTo(name);
              assertThat(t.getId()).isEqualTo(tagId);
              assertThat(t.getCount()).isEqualTo(1);
            })
        .anySatisfy(t -> assertThat(t.getName()).isEqualTo("星标组"));

    assertThat(wx.getUserTagService().batchUntagging(tagId, new String[] {openid})).isTrue();
    assertThat(followers.carries(openid, name)).isFalse();
    WxMpMassTagMessage mass = new WxMpMassTagMessage();
    mass.setTagId(tagId);
    mass.setMsgType("mpnews");
    mass.setMediaId(draft("无人收到", "https://xq.example/articles/t01"));
    mass.setClientMsgId("untagged-" + UUID.randomUUID());
    wx.getMassMessageService().massGroupMessageSend(mass);
    assertThat(journal.messagesFor(openid, 0)).isEmpty();
    assertThatThrownBy(() -> wx.getUserTagService().batchUntagging(999_999L, new String[] {openid}))
        .isInstanceOf(WxErrorException.class)
        .satisfies(
            e -> assertThat(((WxErrorException) e).getError().getErrorCode()).isEqualTo(45159));
  }

  @Test
  void servesAnUploadedImageBackAtTheUrlItAnswered() throws Exception {
    File image = Files.createTempFile("cover", ".png").toFile();
    byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    Files.write(image.toPath(), bytes);
    String url;
    try {
      url =
          wx.getMaterialService()
              .materialFileUpload("image", new WxMpMaterial("cover.png", image, null, null))
              .getUrl();
    } finally {
      image.delete();
    }

    HttpResponse<byte[]> served =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofByteArray());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(served.body()).isEqualTo(bytes);
  }

  @Test
  void refusesADraftWhoseCoverIsNotImageMaterial() {
    WxMpAddDraft draft =
        new WxMpAddDraft(
            List.of(
                WxMpDraftArticles.builder()
                    .title("没有封面")
                    .content("<p>正文</p>")
                    .thumbMediaId("SIM_MEDIA_unknown")
                    .build()));

    assertThatThrownBy(() -> wx.getDraftService().addDraft(draft))
        .isInstanceOf(WxErrorException.class)
        .satisfies(
            e -> assertThat(((WxErrorException) e).getError().getErrorCode()).isEqualTo(40007));
  }

  @Test
  void aMassSentArticleReachesTheChatWithItsSummaryLinkAndCover() throws Exception {
    Long tagId =
        wx.getUserTagService()
            .tagCreate("家长" + UUID.randomUUID().toString().substring(0, 6))
            .getId();
    wx.getUserTagService().batchTagging(tagId, new String[] {openid});
    WxMpMassTagMessage mass = new WxMpMassTagMessage();
    mass.setTagId(tagId);
    mass.setMsgType("mpnews");
    mass.setMediaId(draft("睡前十分钟", "https://xq.example/articles/p03-sleep"));
    mass.setClientMsgId("card-" + UUID.randomUUID());

    wx.getMassMessageService().massGroupMessageSend(mass);

    assertThat(journal.messagesFor(openid, 0))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo("群发");
              assertThat(m.title()).isEqualTo("睡前十分钟");
              assertThat(m.text()).isEqualTo("摘要：睡前十分钟");
              assertThat(m.url()).isEqualTo("https://xq.example/articles/p03-sleep");
              assertThat(m.cover()).startsWith("sim/media/");
            });
  }

  private String draft(String title, String sourceUrl) throws Exception {
    return wx.getDraftService()
        .addDraft(
            new WxMpAddDraft(
                List.of(
                    WxMpDraftArticles.builder()
                        .title(title)
                        .digest("摘要：" + title)
                        .content("<p>正文</p>")
                        .contentSourceUrl(sourceUrl)
                        .thumbMediaId(uploadImage())
                        .build())));
  }

  @Test
  void acceptsAMenuOfAtMostThreeButtons() throws Exception {
    WxMenu menu = new WxMenu();
    for (String[] b : new String[][] {{"心理问答", "ASK"}, {"预约咨询", "BOOK"}, {"每周文章", "ARTICLE"}}) {
      WxMenuButton button = new WxMenuButton();
      button.setType("click");
      button.setName(b[0]);
      button.setKey(b[1]);
      menu.getButtons().add(button);
    }
    wx.getMenuService().menuCreate(menu);

    WxMenuButton fourth = new WxMenuButton();
    fourth.setType("click");
    fourth.setName("紧急求助");
    fourth.setKey("SOS");
    menu.getButtons().add(fourth);
    assertThatThrownBy(() -> wx.getMenuService().menuCreate(menu))
        .isInstanceOf(WxErrorException.class)
        .satisfies(
            e -> assertThat(((WxErrorException) e).getError().getErrorCode()).isEqualTo(40016));
  }

  private String uploadImage() throws Exception {
    File image = Files.createTempFile("cover", ".png").toFile();
    Files.write(image.toPath(), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    try {
      return wx.getMaterialService()
          .materialFileUpload("image", new WxMpMaterial("cover.png", image, null, null))
          .getMediaId();
    } finally {
      image.delete();
    }
  }

  private WxMpKefuMessage text(String content) {
    return WxMpKefuMessage.TEXT().toUser(openid).content(content).build();
  }
}
