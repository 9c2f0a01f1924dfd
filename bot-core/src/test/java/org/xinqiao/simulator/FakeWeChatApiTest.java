package org.xinqiao.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
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
