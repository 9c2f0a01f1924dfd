package org.xinqiao.appointment;

/**
 * An appointment message in the structured form a WeChat subscription or template notice needs
 * (short fields, no health detail).
 *
 * @param purpose e.g. "预约提醒", "预约已取消"
 * @param when "11月30日 周一 15:00-15:45"
 * @param place where the session is
 * @param text the full text, as a customer-service message would carry it
 */
public record AppointmentNotice(String purpose, String when, String place, String text) {

  @Override
  public String toString() {
    return "AppointmentNotice[" + purpose + "]";
  }
}
