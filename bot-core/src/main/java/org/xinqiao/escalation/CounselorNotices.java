package org.xinqiao.escalation;

import java.util.Map;
import org.xinqiao.channels.ChannelException;

/**
 * Port for WeChat template messages (服务通知) to counselors who follow the account. The WeChat adapter
 * implements it as a bean; the template pager needs one.
 */
public interface CounselorNotices {

  void sendTemplate(String openid, String templateId, String url, Map<String, String> data)
      throws ChannelException;
}
