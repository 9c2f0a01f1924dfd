package org.xinqiao.channels.wechat;

import java.util.Map;

/** A one-time subscription notice (订阅通知): needs the person's prior consent per notice. */
public record SubscribeNotice(
    String toUser, String templateId, String page, Map<String, String> data) {
  public SubscribeNotice {
    data = Map.copyOf(data);
  }

  @Override
  public String toString() {
    return "SubscribeNotice[templateId=" + templateId + ", fields=" + data.keySet() + "]";
  }
}
