package org.xinqiao.appointment;

import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.channels.wechat.SubscribeNotice;
import org.xinqiao.channels.wechat.WeChatApiClient;

/**
 * Appointment notices outside the 48-hour window as WeChat subscription notices (订阅通知). Active when
 * the school has chosen a template ({@code xinqiao.appointment.notice-template-id}); its fields are
 * configurable because every template names them differently. Only the purpose, the time and the
 * place are sent: never names or notes.
 */
@Component
@ConditionalOnProperty("xinqiao.appointment.notice-template-id")
class WeChatSubscribeNotices implements SubscribeNotices {

  private final WeChatApiClient wechat;
  private final String templateId;
  private final String purposeField;
  private final String timeField;
  private final String placeField;

  WeChatSubscribeNotices(
      @Qualifier("wechat") WeChatApiClient wechat,
      @Value("${xinqiao.appointment.notice-template-id}") String templateId,
      @Value("${xinqiao.appointment.notice-fields.purpose:thing1}") String purposeField,
      @Value("${xinqiao.appointment.notice-fields.time:time2}") String timeField,
      @Value("${xinqiao.appointment.notice-fields.place:thing3}") String placeField) {
    this.wechat = wechat;
    this.templateId = templateId;
    this.purposeField = purposeField;
    this.timeField = timeField;
    this.placeField = placeField;
  }

  @Override
  public void send(String openid, AppointmentNotice notice) throws ChannelException {
    wechat.sendSubscribeNotice(
        new SubscribeNotice(
            openid,
            templateId,
            null,
            Map.of(
                purposeField, limit(notice.purpose()),
                timeField, limit(notice.when()),
                placeField, limit(notice.place()))));
  }

  /** WeChat's thing fields take at most 20 characters. */
  private static String limit(String value) {
    return value == null ? "" : value.length() <= 20 ? value : value.substring(0, 20);
  }
}
