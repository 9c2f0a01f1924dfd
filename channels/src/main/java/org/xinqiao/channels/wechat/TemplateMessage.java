package org.xinqiao.channels.wechat;

import java.util.Map;

/** A template (service notice) message: template id, optional link, and field values. */
public record TemplateMessage(
    String toUser, String templateId, String url, Map<String, String> data) {
  public TemplateMessage {
    data = Map.copyOf(data);
  }

  @Override
  public String toString() {
    return "TemplateMessage[templateId=" + templateId + ", fields=" + data.keySet() + "]";
  }
}
