package org.xinqiao.channels.wechat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.WxMpMassPreviewMessage;
import me.chanjar.weixin.mp.bean.WxMpMassTagMessage;
import me.chanjar.weixin.mp.bean.draft.WxMpAddDraft;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftArticles;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.material.WxMpMaterial;
import me.chanjar.weixin.mp.bean.material.WxMpMaterialUploadResult;
import me.chanjar.weixin.mp.bean.result.WxMpMassSendResult;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.channels.MessageSender;

/**
 * The WeChat API for one account, in channel-neutral terms. WxJava does the HTTP; its token lives
 * in the shared {@link AccessTokenStore}; its retry on errcode -1 is cut to one short retry so a
 * calling thread never sleeps for half a minute. Every failure is a {@link ChannelException} with
 * WeChat's errcode (45015 outside the 48 h window, 45047 quota used, -1 transport or busy).
 */
public final class WeChatApiClient implements MessageSender {

  private static final int TAG_BATCH = 50;

  private final WxMpService wx;
  private final String apiBaseUrl;

  public WeChatApiClient(WeChatAccount account, AccessTokenStore tokens) {
    this(account, tokens, Clock.systemUTC());
  }

  public WeChatApiClient(WeChatAccount account, AccessTokenStore tokens, Clock clock) {
    WxMpServiceImpl service = new WxMpServiceImpl();
    service.setWxMpConfigStorage(new SharedTokenConfig(account, tokens, clock));
    service.setRetrySleepMillis(200);
    service.setMaxRetryTimes(1);
    this.wx = service;
    this.apiBaseUrl = account.apiBaseUrl();
  }

  /** A customer-service text message (within 48 h of the person's last message). */
  @Override
  public void sendText(String userId, String text) throws ChannelException {
    WxMpKefuMessage message = WxMpKefuMessage.TEXT().toUser(userId).content(text).build();
    call("customer-service send", () -> wx.getKefuService().sendKefuMessage(message));
  }

  /** Replaces the account's custom menu. */
  public void createMenu(List<MenuButton> buttons) throws ChannelException {
    WxMenu menu = new WxMenu();
    menu.setButtons(buttons.stream().map(WeChatApiClient::button).toList());
    call("menu create", () -> wx.getMenuService().menuCreate(menu));
  }

  private static WxMenuButton button(MenuButton b) {
    WxMenuButton w = new WxMenuButton();
    w.setName(b.name());
    if (!b.children().isEmpty()) {
      w.setSubButtons(new ArrayList<>(b.children().stream().map(WeChatApiClient::button).toList()));
    } else if (b.url() != null) {
      w.setType("view");
      w.setUrl(b.url());
    } else {
      w.setType("click");
      w.setKey(b.key());
    }
    return w;
  }

  /** Sends a template message; returns WeChat's msgid. */
  public String sendTemplate(TemplateMessage m) throws ChannelException {
    WxMpTemplateMessage t =
        WxMpTemplateMessage.builder()
            .toUser(m.toUser())
            .templateId(m.templateId())
            .url(m.url())
            .build();
    m.data().forEach((k, v) -> t.addData(new WxMpTemplateData(k, v)));
    return call("template send", () -> wx.getTemplateMsgService().sendTemplateMsg(t));
  }

  /**
   * Sends a subscription notice. Posted directly: WxJava's send() throws NullPointerException when
   * the response has no msgid, which this API may omit.
   */
  public void sendSubscribeNotice(SubscribeNotice n) throws ChannelException {
    JsonObject body = new JsonObject();
    body.addProperty("touser", n.toUser());
    body.addProperty("template_id", n.templateId());
    if (n.page() != null) {
      body.addProperty("page", n.page());
    }
    JsonObject data = new JsonObject();
    for (Map.Entry<String, String> e : n.data().entrySet()) {
      JsonObject value = new JsonObject();
      value.addProperty("value", e.getValue());
      data.add(e.getKey(), value);
    }
    body.add("data", data);
    call(
        "subscribe notice",
        () -> wx.post(apiBaseUrl + "/cgi-bin/message/subscribe/bizsend", body.toString()));
  }

  /** Creates a user tag; returns its id. */
  public long createTag(String name) throws ChannelException {
    return call("tag create", () -> wx.getUserTagService().tagCreate(name).getId());
  }

  /** Puts the users under the tag, fifty per call as WeChat requires. */
  public void tagUsers(long tagId, List<String> userIds) throws ChannelException {
    for (int i = 0; i < userIds.size(); i += TAG_BATCH) {
      String[] batch =
          userIds.subList(i, Math.min(userIds.size(), i + TAG_BATCH)).toArray(String[]::new);
      call("tag users", () -> wx.getUserTagService().batchTagging(tagId, batch));
    }
  }

  /** The account's tags, name to id (WeChat's own 0-2 included). */
  public Map<String, Long> tags() throws ChannelException {
    Map<String, Long> byName = new LinkedHashMap<>();
    call("tags get", () -> wx.getUserTagService().tagGet())
        .forEach(t -> byName.put(t.getName(), t.getId()));
    return byName;
  }

  /** Takes the tag off the users, fifty per call as WeChat requires. */
  public void untagUsers(long tagId, List<String> userIds) throws ChannelException {
    for (int i = 0; i < userIds.size(); i += TAG_BATCH) {
      String[] batch =
          userIds.subList(i, Math.min(userIds.size(), i + TAG_BATCH)).toArray(String[]::new);
      call("untag users", () -> wx.getUserTagService().batchUntagging(tagId, batch));
    }
  }

  /**
   * Uploads an image as permanent material (a draft's cover must be one). WxJava uploads from a
   * file only and sends the file's name, so the bytes pass through a temporary file of that name,
   * deleted at once.
   *
   * @param fileName the name WeChat sees; its extension (jpg, png, gif, bmp) must match the image
   */
  public ImageMaterial uploadImage(String fileName, byte[] content) throws ChannelException {
    String safeName = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    Path dir = null;
    Path file = null;
    try {
      dir = Files.createTempDirectory("xinqiao-image-");
      file = Files.write(dir.resolve(safeName), content);
      WxMpMaterial material = new WxMpMaterial(safeName, file.toFile(), null, null);
      WxMpMaterialUploadResult r =
          call(
              "image upload",
              () ->
                  wx.getMaterialService()
                      .materialFileUpload(WxConsts.MediaFileType.IMAGE, material));
      return new ImageMaterial(r.getMediaId(), r.getUrl());
    } catch (IOException e) {
      throw new ChannelException(-1, "image upload failed: " + e.getClass().getSimpleName());
    } finally {
      deleteQuietly(file);
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      if (path != null) {
        Files.deleteIfExists(path);
      }
    } catch (IOException ignored) {
      // the temp directory is cleaned eventually; a cover is public, not personal data
    }
  }

  /** Adds a draft; returns its media id for mass send or preview. */
  public String addDraft(List<DraftArticle> articles) throws ChannelException {
    List<WxMpDraftArticles> list =
        articles.stream()
            .map(
                a ->
                    WxMpDraftArticles.builder()
                        .title(a.title())
                        .author(a.author())
                        .digest(a.digest())
                        .content(a.htmlContent())
                        .thumbMediaId(a.thumbMediaId())
                        .contentSourceUrl(a.contentSourceUrl())
                        .build())
            .toList();
    return call("draft add", () -> wx.getDraftService().addDraft(new WxMpAddDraft(list)));
  }

  /**
   * Mass-sends a draft to everyone under a tag. {@code clientMsgId} makes a repeated call (after a
   * crash or timeout) a no-op at WeChat instead of a second send.
   */
  public MassSendAccepted massSendToTag(long tagId, String mediaId, String clientMsgId)
      throws ChannelException {
    WxMpMassTagMessage m = new WxMpMassTagMessage();
    m.setTagId(tagId);
    m.setSendAll(false);
    m.setMsgType("mpnews");
    m.setMediaId(mediaId);
    m.setSendIgnoreReprint(true);
    m.setClientMsgId(clientMsgId);
    return accepted(call("mass send", () -> wx.getMassMessageService().massGroupMessageSend(m)));
  }

  /** Sends a draft to one staff member's WeChat before the mass send. */
  public MassSendAccepted massPreview(String userId, String mediaId) throws ChannelException {
    WxMpMassPreviewMessage m = new WxMpMassPreviewMessage();
    m.setToWxUserOpenid(userId);
    m.setMsgType("mpnews");
    m.setMediaId(mediaId);
    return accepted(call("mass preview", () -> wx.getMassMessageService().massMessagePreview(m)));
  }

  private static MassSendAccepted accepted(WxMpMassSendResult r) {
    return new MassSendAccepted(r.getMsgId(), r.getMsgDataId());
  }

  @FunctionalInterface
  private interface WxCall<T> {
    T run() throws WxErrorException;
  }

  /** WeChat's error text can echo ids; only the errcode goes into the exception. */
  private static <T> T call(String what, WxCall<T> c) throws ChannelException {
    try {
      return c.run();
    } catch (WxErrorException e) {
      int code = e.getError() == null ? -1 : e.getError().getErrorCode();
      throw new ChannelException(code, "WeChat " + what + " failed: errcode " + code);
    } catch (RuntimeException e) {
      throw new ChannelException(-1, "WeChat " + what + " failed: " + e.getClass().getSimpleName());
    }
  }
}
