package org.xinqiao.push;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xinqiao.channels.ChannelException;

/**
 * WeChat's mass-send side as the push sees it: deduplicates by clientmsgid like WeChat does, and
 * can be told to fail the next sends after WeChat has in fact sent them (a slow answer or a lost
 * response).
 */
class FakeMassSender implements MassSender {

  /** One real delivery to a tag. */
  record Sent(long tagId, String mediaId, String clientMsgId, String msgId) {}

  final List<Sent> delivered = Collections.synchronizedList(new ArrayList<>());
  final List<String> sendCalls = Collections.synchronizedList(new ArrayList<>());
  final List<String> previews = Collections.synchronizedList(new ArrayList<>());
  final List<Draft> drafts = Collections.synchronizedList(new ArrayList<>());
  final Map<String, Long> tags = new ConcurrentHashMap<>();
  final Map<Long, Set<String>> members = new ConcurrentHashMap<>();
  final AtomicInteger uploads = new AtomicInteger();
  private final Map<String, String> byClientMsgId = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger(1000);
  volatile int failAfterSendingNext;
  volatile int refuseNext;

  synchronized void reset() {
    delivered.clear();
    sendCalls.clear();
    previews.clear();
    drafts.clear();
    tags.clear();
    members.clear();
    byClientMsgId.clear();
    uploads.set(0);
    failAfterSendingNext = 0;
    refuseNext = 0;
  }

  List<String> deliveredClientMsgIds() {
    synchronized (delivered) {
      return delivered.stream().map(Sent::clientMsgId).toList();
    }
  }

  Set<String> membersOf(String tagName) {
    Long id = tags.get(tagName);
    return id == null ? Set.of() : members.getOrDefault(id, Set.of());
  }

  @Override
  public String uploadImage(String fileName, byte[] content) {
    uploads.incrementAndGet();
    return "img-" + ids.incrementAndGet();
  }

  @Override
  public String addDraft(Draft draft) {
    drafts.add(draft);
    return "draft-" + ids.incrementAndGet();
  }

  @Override
  public synchronized MassSent sendToTag(long tagId, String mediaId, String clientMsgId)
      throws ChannelException {
    sendCalls.add(clientMsgId);
    if (refuseNext > 0) {
      refuseNext--;
      throw new ChannelException(-1, "system busy");
    }
    String msgId = byClientMsgId.get(clientMsgId);
    if (msgId == null) {
      msgId = "msg-" + ids.incrementAndGet();
      byClientMsgId.put(clientMsgId, msgId);
      delivered.add(new Sent(tagId, mediaId, clientMsgId, msgId));
    }
    if (failAfterSendingNext > 0) {
      failAfterSendingNext--;
      throw new ChannelException(-1, "read timed out");
    }
    return new MassSent(msgId, "data-" + msgId);
  }

  @Override
  public void preview(String openid, String mediaId) {
    previews.add(openid + ":" + mediaId);
  }

  @Override
  public Map<String, Long> tags() {
    return new LinkedHashMap<>(tags);
  }

  @Override
  public long createTag(String name) {
    long id = ids.incrementAndGet();
    tags.put(name, id);
    return id;
  }

  @Override
  public void tag(long tagId, List<String> openids) {
    members
        .computeIfAbsent(tagId, t -> Collections.synchronizedSet(new HashSet<>()))
        .addAll(openids);
  }

  @Override
  public void untag(long tagId, List<String> openids) {
    members.getOrDefault(tagId, new HashSet<>()).removeAll(openids);
  }
}
