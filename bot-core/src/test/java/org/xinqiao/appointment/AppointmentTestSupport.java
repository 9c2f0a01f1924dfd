package org.xinqiao.appointment;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinqiao.testsupport.NoticeTestBeans;

/**
 * The shared notice doubles ({@link NoticeTestBeans}: recording sender that can refuse like WeChat
 * outside the 48 h window, quiet safety screen, a clock at a Monday 08:00 a week or more ahead) and
 * helpers for appointment tests.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(NoticeTestBeans.class)
class AppointmentTestSupport {

  /** A COUNSELOR person, inserted directly (enrolment is the people feature's business). */
  static long counselor(JdbcClient jdbc, String name) {
    String openid = "o_counselor_" + UUID.randomUUID();
    jdbc.sql(
            "insert into person (channel, openid, role, display_name, following, consented_at,"
                + " created_at) values ('wechat', ?, 'COUNSELOR', ?, true, ?, ?)")
        .params(
            openid,
            name,
            Timestamp.from(NoticeTestBeans.MONDAY_8AM),
            Timestamp.from(NoticeTestBeans.MONDAY_8AM))
        .update();
    return jdbc.sql("select id from person where openid = ?")
        .param(openid)
        .query(Long.class)
        .single();
  }

  static String openid(JdbcClient jdbc, long personId) {
    return jdbc.sql("select openid from person where id = ?")
        .param(personId)
        .query(String.class)
        .single();
  }

  /** Removes every appointment row so each test starts from an empty calendar. */
  static void clear(JdbcClient jdbc) {
    for (String table :
        List.of(
            "appointment_notice",
            "appointment_waitlist",
            "appointment_feed",
            "appointment_seat",
            "appointment_block",
            "appointment",
            "appointment_override",
            "appointment_hours",
            "appointment_calendar",
            "appointment_counselor")) {
      jdbc.sql("delete from " + table).update();
    }
  }
}
