package org.xinqiao.push;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.ChannelException;

/**
 * The {@link MassSender} the WeChat adapter provides, or, where none is configured, one that
 * refuses every call so runs fail visibly (and admins are told) instead of silently doing nothing.
 */
@Component
class MassSenderGateway {

  static final int NOT_CONFIGURED = -2;

  private final ObjectProvider<MassSender> senders;

  MassSenderGateway(ObjectProvider<MassSender> senders) {
    this.senders = senders;
  }

  private MassSender target() throws ChannelException {
    MassSender sender = senders.getIfUnique();
    if (sender == null) {
      throw new ChannelException(NOT_CONFIGURED, "no WeChat mass-send adapter configured");
    }
    return sender;
  }

  public String uploadImage(String fileName, byte[] content) throws ChannelException {
    return target().uploadImage(fileName, content);
  }

  public String addDraft(MassSender.Draft draft) throws ChannelException {
    return target().addDraft(draft);
  }

  public MassSender.MassSent sendToTag(long tagId, String mediaId, String clientMsgId)
      throws ChannelException {
    return target().sendToTag(tagId, mediaId, clientMsgId);
  }

  public void preview(String openid, String mediaId) throws ChannelException {
    target().preview(openid, mediaId);
  }

  public Map<String, Long> tags() throws ChannelException {
    return target().tags();
  }

  public long createTag(String name) throws ChannelException {
    return target().createTag(name);
  }

  public void tag(long tagId, List<String> openids) throws ChannelException {
    target().tag(tagId, openids);
  }

  public void untag(long tagId, List<String> openids) throws ChannelException {
    target().untag(tagId, openids);
  }
}
