package org.xinqiao.push;

import java.util.List;
import java.util.Map;
import org.xinqiao.channels.ChannelException;

/**
 * The WeChat calls the weekly push needs: permanent image material, drafts, mass send to a tag,
 * preview, and tag membership. The WeChat adapter implements it; every call may throw {@link
 * ChannelException} with WeChat's errcode. Openids passed in are personal data: never log them.
 */
public interface MassSender {

  /** WeChat's errcode when a clientmsgid was already used: the earlier send stands. */
  int CLIENT_MSG_ID_USED = 45065;

  /** Uploads an image as permanent material (the cover); returns its media_id. */
  String uploadImage(String fileName, byte[] content) throws ChannelException;

  /** Adds a one-article draft; returns its media_id. */
  String addDraft(Draft draft) throws ChannelException;

  /**
   * Mass-sends the draft to everyone with the tag. {@code clientMsgId} makes a retry of the same
   * send harmless: WeChat sends once per clientmsgid (a repeat answers with the first msg_id, or
   * {@link #CLIENT_MSG_ID_USED}).
   */
  MassSent sendToTag(long tagId, String mediaId, String clientMsgId) throws ChannelException;

  /** Sends the draft to one follower only, to check it before the real send. */
  void preview(String openid, String mediaId) throws ChannelException;

  /** The account's tags by name. */
  Map<String, Long> tags() throws ChannelException;

  /** Creates a tag; returns its id. */
  long createTag(String name) throws ChannelException;

  /** Adds the tag to up to 50 followers. */
  void tag(long tagId, List<String> openids) throws ChannelException;

  /** Removes the tag from up to 50 followers. */
  void untag(long tagId, List<String> openids) throws ChannelException;

  /**
   * A one-article draft.
   *
   * @param title headline
   * @param digest the summary WeChat shows under the title
   * @param html the article body as HTML
   * @param thumbMediaId the cover's media_id
   * @param sourceUrl "阅读原文": the article's public page
   */
  record Draft(String title, String digest, String html, String thumbMediaId, String sourceUrl) {
    @Override
    public String toString() {
      return "Draft[" + title + "]";
    }
  }

  /**
   * What WeChat answered to a mass send.
   *
   * @param msgId the job id the MASSSENDJOBFINISH event will name
   * @param msgDataId the id of the sent article (for statistics), may be null
   */
  record MassSent(String msgId, String msgDataId) {}
}
