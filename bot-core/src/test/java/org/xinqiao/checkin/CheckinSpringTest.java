package org.xinqiao.checkin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context the check-in tests share: the whole bot on H2, messages posted signed to
 * {@code /wx/portal}, the real safety screen and escalations (pages are scheduled, not sent).
 * Public so tests of other features that need the whole chat (consent withdrawal) reuse this
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "xinqiao.db.url=jdbc:h2:mem:checkin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "xinqiao.scheduler.enabled=false",
      "xinqiao.simulator.enabled=false",
      "xinqiao.wechat.reply-timeout=20s",
      // one test person takes many check-ins in a row, far faster than anyone types
      "xinqiao.wechat.limits.per-sender=10000",
    })
@AutoConfigureMockMvc
@Import(CheckinChat.class)
public @interface CheckinSpringTest {}
