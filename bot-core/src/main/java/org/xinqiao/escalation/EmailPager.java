package org.xinqiao.escalation;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** E-mail through the school's SMTP server (spring.mail.*). */
final class EmailPager implements Pager {

  private final JavaMailSender mail;
  private final String from;

  EmailPager(JavaMailSender mail, String from) {
    this.mail = mail;
    this.from = from;
  }

  @Override
  public String channel() {
    return "email";
  }

  @Override
  public boolean reaches(Counselor counselor) {
    return counselor.email() != null && !counselor.email().isBlank();
  }

  @Override
  public void send(Counselor counselor, String text) {
    SimpleMailMessage message = new SimpleMailMessage();
    if (from != null && !from.isBlank()) {
      message.setFrom(from);
    }
    message.setTo(counselor.email());
    message.setSubject(text.length() > 40 ? text.substring(0, 40) : text);
    message.setText(text);
    mail.send(message);
  }
}
