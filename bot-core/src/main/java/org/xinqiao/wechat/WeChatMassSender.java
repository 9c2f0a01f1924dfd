package org.xinqiao.wechat;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.channels.wechat.DraftArticle;
import org.xinqiao.channels.wechat.MassSendAccepted;
import org.xinqiao.channels.wechat.WeChatApiClient;
import org.xinqiao.push.MassSender;

/**
 * The weekly push's WeChat side over the account's API client: cover upload, draft, mass send to a
 * tag, preview and tag membership. WeChat's errcodes pass through unchanged in {@link
 * ChannelException}; in particular 45065 (clientmsgid already used), which the push reads as "the
 * earlier attempt went out".
 */
@Component
class WeChatMassSender implements MassSender {

  private final WeChatApiClient api;

  WeChatMassSender(@Qualifier("wechat") WeChatApiClient api) {
    this.api = api;
  }

  @Override
  public String uploadImage(String fileName, byte[] content) throws ChannelException {
    return api.uploadImage(fileName, content).mediaId();
  }

  @Override
  public String addDraft(Draft draft) throws ChannelException {
    return api.addDraft(
        List.of(
            new DraftArticle(
                draft.title(),
                null,
                draft.digest(),
                draft.html(),
                draft.thumbMediaId(),
                draft.sourceUrl())));
  }

  @Override
  public MassSent sendToTag(long tagId, String mediaId, String clientMsgId)
      throws ChannelException {
    MassSendAccepted accepted = api.massSendToTag(tagId, mediaId, clientMsgId);
    return new MassSent(accepted.msgId(), accepted.msgDataId());
  }

  @Override
  public void preview(String openid, String mediaId) throws ChannelException {
    api.massPreview(openid, mediaId);
  }

  @Override
  public Map<String, Long> tags() throws ChannelException {
    return api.tags();
  }

  @Override
  public long createTag(String name) throws ChannelException {
    return api.createTag(name);
  }

  @Override
  public void tag(long tagId, List<String> openids) throws ChannelException {
    api.tagUsers(tagId, openids);
  }

  @Override
  public void untag(long tagId, List<String> openids) throws ChannelException {
    api.untagUsers(tagId, openids);
  }
}
